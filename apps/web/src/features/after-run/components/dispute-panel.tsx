import { SAFETY_LIMITS } from '@erun/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextAreaField } from '../../../components/text-field.tsx';
import { formatShortDateTime } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useCreateDispute, useMyAttendance } from '../api/disputes.ts';
import styles from './disputes.module.css';

/**
 * On a run's page, for a runner the host marked absent: "불참으로 기록되었어요 — 이의 제기" with a note
 * (within 48 h), then the dispute's status.
 */
export function DisputePanel({ runId, className }: { runId: string; className?: string }) {
  const { t, i18n } = useTranslation();
  const mine = useMyAttendance(runId);
  const create = useCreateDispute(runId);
  const [note, setNote] = useState('');
  const [tooShort, setTooShort] = useState(false);

  if (!mine.data || mine.data.present !== false) return null;
  const { dispute, disputeClosesAt, canDispute } = mine.data;
  const closes = disputeClosesAt ? formatShortDateTime(disputeClosesAt, i18n.language) : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim();
    if (trimmed.length < SAFETY_LIMITS.disputeNoteMin) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    create.mutate({ note: trimmed });
  };

  return (
    <section className={`${styles.panel} ${className ?? ''}`} aria-labelledby={`dispute-${runId}`}>
      <h2 id={`dispute-${runId}`} className={styles.title}>
        {t('disputes.markedAbsent')}
      </h2>
      {dispute ? (
        <p className={styles.text} role="status">
          {t(`disputes.status.${dispute.status}`)}
        </p>
      ) : canDispute ? (
        <form onSubmit={submit} noValidate className={styles.panel}>
          <p className={styles.text}>{t('disputes.window', { closes })}</p>
          <TextAreaField
            label={t('disputes.noteLabel')}
            hint={t('disputes.noteHint')}
            value={note}
            maxLength={SAFETY_LIMITS.disputeNoteMax}
            rows={3}
            onChange={(e) => setNote(e.target.value)}
            error={tooShort ? { key: 'disputes.noteTooShort' } : undefined}
          />
          <FormAlert message={create.isError ? errorMessage(create.error) : null} />
          <div className={styles.actions}>
            <Button type="submit" size="sm" disabled={create.isPending}>
              {t(create.isPending ? 'disputes.sending' : 'disputes.submit')}
            </Button>
          </div>
        </form>
      ) : (
        <p className={styles.text}>{t('disputes.closed', { closes })}</p>
      )}
    </section>
  );
}
