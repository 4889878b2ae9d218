import type { CrewMembershipCrew, CrewRole } from '@erun/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useLeaveCrew } from '../api/crew-membership.ts';
import styles from './crew-membership.module.css';

/** A member's menu beside "크루원": leaving (the owner is told to hand over first). */
export function CrewMembershipMenu({
  crew,
  role,
}: {
  crew: Pick<CrewMembershipCrew, 'id' | 'name'>;
  role: CrewRole;
}) {
  const { t } = useTranslation();
  const notify = useNotice();
  const leave = useLeaveCrew(crew.id);
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const owner = role === 'owner';
  return (
    <div className={styles.menu}>
      <Button
        variant="outline"
        size="lg"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        {t('crewMembers.actions.more')}
      </Button>
      {open && (
        <ul id={menuId} className={styles.menuList}>
          <li>
            <button
              type="button"
              className={styles.menuItem}
              onClick={() => {
                setOpen(false);
                setConfirming(true);
              }}
            >
              {t('crewMembers.actions.leave')}
            </button>
          </li>
        </ul>
      )}
      <ConfirmDialog
        open={confirming}
        title={t(owner ? 'crewMembers.confirm.ownerTitle' : 'crewMembers.confirm.leaveTitle', {
          name: crew.name,
        })}
        message={t(owner ? 'crewMembers.confirm.ownerMessage' : 'crewMembers.confirm.leaveMessage')}
        confirmLabel={t('crewMembers.actions.leave')}
        pending={leave.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          leave.mutate(undefined, {
            onSuccess: () => notify(t('crewMembers.done.left', { name: crew.name }), 'info'),
            onError: (error) => notify(t(errorMessage(error).key), 'error'),
            onSettled: () => setConfirming(false),
          })
        }
      />
    </div>
  );
}
