import type { EscalatedDispute } from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useDecideDispute, useEscalatedDisputes } from '../api/admin.ts';
import styles from './admin-console.module.css';

function DisputeItem({ dispute }: { dispute: EscalatedDispute }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const notify = useNotice();
  const decide = useDecideDispute();
  const run = (decision: 'accept' | 'reject') =>
    decide.mutate(
      { runId: dispute.runId, userId: dispute.userId, decision },
      { onSuccess: () => notify(t(`admin.disputes.done.${decision}`), 'info') },
    );
  return (
    <article className={styles.item} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.itemHead}>
        <span className={styles.kind}>{t('admin.disputes.kind')}</span>
        <Link to={`/runs/${dispute.run.id}`}>{dispute.run.title}</Link>
      </h3>
      <p className={styles.meta}>
        {t('admin.disputes.who', {
          runner: dispute.user.nickname,
          host: dispute.run.host.nickname,
          date: formatDateTime(dispute.run.startsAt, i18n.language),
        })}
      </p>
      <blockquote className={styles.quote}>{dispute.note}</blockquote>
      <FormAlert message={decide.isError ? errorMessage(decide.error) : null} />
      <div className={styles.buttons}>
        <Button
          size="sm"
          pending={decide.isPending && decide.variables?.decision === 'accept'}
          onClick={() => run('accept')}
        >
          {t('admin.disputes.accept')}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          pending={decide.isPending && decide.variables?.decision === 'reject'}
          onClick={() => run('reject')}
        >
          {t('admin.disputes.reject')}
        </Button>
      </div>
    </article>
  );
}

/** Absent marks the runner disputed and the host left undecided for 72 h: a moderator accepts or rejects. */
export function EscalatedDisputes() {
  const { t } = useTranslation();
  const disputes = useEscalatedDisputes();
  const items = disputes.data?.items ?? [];
  return (
    <section className={styles.section} aria-label={t('admin.disputes.title')}>
      <h2 className={styles.subtitle}>{t('admin.disputes.title')}</h2>
      <p className={styles.muted}>{t('admin.disputes.lead')}</p>
      {disputes.isError && <FormAlert message={errorMessage(disputes.error)} />}
      {disputes.isSuccess && items.length === 0 && <p className={styles.muted}>{t('admin.none')}</p>}
      {items.map((d) => (
        <DisputeItem key={`${d.runId}:${d.userId}`} dispute={d} />
      ))}
    </section>
  );
}
