import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/avatar.tsx';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { formatShortDateTime } from '../../../lib/datetime.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useResolveDispute, useRunDisputes } from '../api/disputes.ts';
import styles from './disputes.module.css';

/** On the attendance page, for whoever manages the run: the runners' disputes, with 인정 / 거절. */
export function DisputeList({ runId }: { runId: string }) {
  const { t, i18n } = useTranslation();
  const disputes = useRunDisputes(runId);
  const resolve = useResolveDispute(runId);

  // The sheet below shows its own loading; a refusal (4xx) just means no disputes to show here.
  if (disputes.isPending) return null;
  if (disputes.isError)
    return disputes.error instanceof ApiError && disputes.error.status < 500 ? null : (
      <FormAlert message={errorMessage(disputes.error)} />
    );
  if (disputes.data.items.length === 0) return null;

  return (
    <section className={styles.panel} aria-labelledby="disputes-heading">
      <h2 id="disputes-heading" className={styles.title}>
        {t('disputes.hostTitle')}
      </h2>
      <FormAlert message={resolve.isError ? errorMessage(resolve.error) : null} />
      <ul className={styles.list}>
        {disputes.data.items.map((d) => {
          // An escalated dispute (72 h undecided) is the moderators' now: the host sees its status, not 인정 / 거절.
          const open = d.status === 'open';
          const pending = resolve.isPending && resolve.variables?.userId === d.userId;
          return (
            <li key={d.userId} className={styles.item}>
              <div className={styles.actions}>
                <Avatar image={d.user.avatar} name={d.user.nickname} size="sm" />
                <strong>{d.user.nickname}</strong>
                <span className={styles.text}>{formatShortDateTime(d.createdAt, i18n.language)}</span>
              </div>
              <p className={styles.text}>{d.note}</p>
              {open ? (
                <div className={styles.actions}>
                  <Button
                    size="sm"
                    disabled={pending}
                    aria-label={t('disputes.acceptFor', { nickname: d.user.nickname })}
                    onClick={() => resolve.mutate({ userId: d.userId, decision: 'accept' })}
                  >
                    {t('disputes.accept')}
                  </Button>
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={pending}
                    aria-label={t('disputes.rejectFor', { nickname: d.user.nickname })}
                    onClick={() => resolve.mutate({ userId: d.userId, decision: 'reject' })}
                  >
                    {t('disputes.reject')}
                  </Button>
                </div>
              ) : (
                <p className={styles.text} role="status">
                  {t(`disputes.hostStatus.${d.status}`)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
