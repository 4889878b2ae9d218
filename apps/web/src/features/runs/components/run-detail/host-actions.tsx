import type { Run } from '@erun/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ButtonLink } from '../../../../components/button.tsx';
import { ConfirmDialog } from '../../../../components/dialog.tsx';
import { useNotice } from '../../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../../lib/messages.ts';
import { useDeleteRun } from '../../api/delete-run.ts';
import owner from '../../../../components/detail-page/owner-actions.module.css';
import { TextField } from '../../../../components/text-field.tsx';

/**
 * Edit and cancel, both until the start: edit for whoever manages the run (host, co-host, crew staff), cancel
 * for the host and the crew's staff. `edit` replaces the edit link (an occurrence of a 정기런 asks "this run
 * only or the following"); a cancellation may say why ("비 예보"), told to the runners.
 */
export function HostActions({
  run,
  edit,
  canCancel = true,
}: {
  run: Run;
  edit?: ReactNode;
  canCancel?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotice();
  const deleteRun = useDeleteRun();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  if (run.joinState === 'started' || run.joinState === 'cancelled') return null;

  const cancel = () =>
    deleteRun.mutate(
      { runId: run.id, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          notify(t('runDetail.cancel.done'), 'info');
          void navigate('/runs');
        },
        onError: (error) => {
          setConfirming(false);
          notify(t(errorMessage(error).key), 'error');
        },
      },
    );

  return (
    <div className={owner.actions} role="group" aria-label={t('runDetail.hostActions')}>
      {edit ?? (
        <ButtonLink to={`/runs/${run.id}/edit`} variant="outline" size="sm">
          {t('runDetail.edit')}
        </ButtonLink>
      )}
      {canCancel && (
        <Button variant="ghost" size="sm" className={owner.danger} onClick={() => setConfirming(true)}>
          {t('runDetail.cancel.button')}
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('runDetail.cancel.title')}
        message={t('runDetail.cancel.message', { count: run.participantCount - 1 })}
        confirmLabel={t('runDetail.cancel.confirm')}
        onConfirm={cancel}
        onCancel={() => setConfirming(false)}
        pending={deleteRun.isPending}
      >
        <TextField
          label={t('series.cancelReason')}
          hint={t('series.cancelReasonHint')}
          placeholder={t('series.cancelReasonPlaceholder')}
          maxLength={200}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </ConfirmDialog>
    </div>
  );
}
