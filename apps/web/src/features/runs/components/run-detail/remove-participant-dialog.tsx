import { RemoveParticipantSchema, type Participant } from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { Dialog } from '../../../../components/dialog.tsx';
import { FormAlert } from '../../../../components/form-alert.tsx';
import { useNotice } from '../../../../components/notice/notice-context.ts';
import { TextAreaField } from '../../../../components/text-field.tsx';
import { useZodForm } from '../../../../lib/form.ts';
import { useRemoveParticipant } from '../../api/remove-participant.ts';

interface RemoveParticipantDialogProps {
  runId: string;
  /** The participant to remove; the dialog is closed while null. */
  participant: Participant | null;
  onClose: () => void;
}

const REASON_MAX = 200;

/** The host removes someone, saying why (they are told). */
export function RemoveParticipantDialog({ runId, participant, onClose }: RemoveParticipantDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  return (
    <Dialog
      open={participant !== null}
      onClose={onClose}
      title={t('runDetail.remove.title', { nickname: participant?.nickname ?? '' })}
      actions={
        <>
          <Button variant="outline" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} variant="secondary">
            {t('runDetail.remove.confirm')}
          </Button>
        </>
      }
    >
      {participant && (
        <ReasonForm
          key={participant.id}
          formId={formId}
          runId={runId}
          participant={participant}
          onDone={onClose}
        />
      )}
    </Dialog>
  );
}

function ReasonForm({
  formId,
  runId,
  participant,
  onDone,
}: {
  formId: string;
  runId: string;
  participant: Participant;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotice();
  const remove = useRemoveParticipant();
  const form = useZodForm(RemoveParticipantSchema, { reason: '' });
  const onSubmit = form.handleSubmit((body) =>
    remove.mutate(
      { runId, userId: participant.id, body },
      {
        onSuccess: () => {
          notify(t('runDetail.remove.done', { nickname: participant.nickname }), 'info');
          onDone();
        },
        onError: form.applyServerError,
      },
    ),
  );
  return (
    <form id={formId} onSubmit={onSubmit} noValidate aria-busy={remove.isPending || undefined}>
      <p>{t('runDetail.remove.message')}</p>
      <FormAlert message={form.formError} />
      <TextAreaField
        label={t('runDetail.remove.reason')}
        placeholder={t('runDetail.remove.placeholder')}
        maxLength={REASON_MAX}
        rows={3}
        {...form.register('reason')}
      />
    </form>
  );
}
