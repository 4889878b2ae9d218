import type { Crew } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ButtonLink } from '../../../components/button.tsx';
import owner from '../../../components/detail-page/owner-actions.module.css';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useDeleteCrew } from '../api/save-crew.ts';

/** The owner's edit and delete (asked first: the crew's runs ahead are cancelled). */
export function CrewOwnerActions({ crew }: { crew: Crew }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotice();
  const deleteCrew = useDeleteCrew();
  const [confirming, setConfirming] = useState(false);
  const remove = () =>
    deleteCrew.mutate(crew.id, {
      onSuccess: () => {
        notify(t('crewDetail.delete.done'), 'info');
        void navigate('/crews');
      },
      onError: (error) => {
        setConfirming(false);
        notify(t(errorMessage(error).key), 'error');
      },
    });
  return (
    <div className={owner.actions} role="group" aria-label={t('crewDetail.ownerActions')}>
      <ButtonLink to={`/crews/${crew.id}/edit`} variant="outline" size="sm">
        {t('crewDetail.edit')}
      </ButtonLink>
      <Button variant="ghost" size="sm" className={owner.danger} onClick={() => setConfirming(true)}>
        {t('crewDetail.delete.button')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('crewDetail.delete.title')}
        message={t('crewDetail.delete.message')}
        confirmLabel={t('crewDetail.delete.confirm')}
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
        pending={deleteCrew.isPending}
      />
    </div>
  );
}
