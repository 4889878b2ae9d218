import { CREW_LIMITS, type RemoveCrewMember } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import styles from './crew-membership-list.module.css';

interface CrewRemoveDialogProps {
  open: boolean;
  name: string;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (body: RemoveCrewMember) => void;
}

/** Remove a member, with a reason they are told, and optionally ban them from asking again. */
export function CrewRemoveDialog({ open, name, pending, onCancel, onConfirm }: CrewRemoveDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [ban, setBan] = useState(false);
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={t('crewMembers.manageActions.removeTitle', { name })}
      actions={
        <>
          <Button variant="outline" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="secondary"
            pending={pending}
            onClick={() => onConfirm({ reason: reason.trim() || undefined, ban })}
          >
            {t(ban ? 'crewMembers.manageActions.ban' : 'crewMembers.manageActions.remove')}
          </Button>
        </>
      }
    >
      <p>{t('crewMembers.manageActions.removeMessage')}</p>
      <label className={styles.reasonField}>
        {t('crewMembers.manageActions.reasonLabel')}
        <input
          className={styles.reasonInput}
          value={reason}
          maxLength={CREW_LIMITS.reasonMax}
          placeholder={t('crewMembers.manageActions.reasonPlaceholder')}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <label className={styles.check}>
        <input type="checkbox" checked={ban} onChange={(event) => setBan(event.target.checked)} />
        {t('crewMembers.manageActions.banToo')}
      </label>
    </Dialog>
  );
}
