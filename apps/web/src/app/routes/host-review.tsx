import type { Run } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { CheckIcon, UsersIcon } from '../../components/icons.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useScoreHistory } from '../../features/after-run/api/get-score-history.ts';
import { useWriteHostReview } from '../../features/after-run/api/write-host-review.ts';
import { HostReviewForm } from '../../features/after-run/components/host-review-form.tsx';
import { useMyRuns } from '../../features/runs/api/get-my-runs.ts';
import { useRun } from '../../features/runs/api/get-run.ts';
import { ApiError } from '../../lib/api-error.ts';
import { formatShortDateTime, seoulParts } from '../../lib/datetime.ts';
import { errorMessage } from '../../lib/messages.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './after-run.module.css';

/** Why the form is not shown: each with its own friendly explanation. */
type Blocked = 'host' | 'notPresent' | 'outsideWindow' | 'exists' | 'done';
const BLOCKING_CODES: Record<string, Blocked> = {
  REVIEW_EXISTS: 'exists',
  NOT_PRESENT: 'notPresent',
  OUTSIDE_WINDOW: 'outsideWindow',
};

/** `/runs/:runId/review`: a participant marked present reviews the host, once, within 7 days of the end. */
export function HostReviewPage() {
  const { t, i18n } = useTranslation();
  const { runId = '' } = useParams();
  const run = useRun(runId);
  useDocumentTitle(t('review.title'));

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Link to={`/runs/${runId}`} className={styles.back}>
          {t('attendance.back')}
        </Link>
        <h1 className={styles.title}>{t('review.title')}</h1>
        {run.data && (
          <p className={styles.lead}>
            {run.data.title} · {formatShortDateTime(run.data.startsAt, i18n.language)}
          </p>
        )}
      </div>
      {run.isPending ? (
        <div role="status" aria-busy="true" aria-label={t('shell.loading')} className={styles.skeletons}>
          <Skeleton className={styles.skeletonRow} />
          <Skeleton className={styles.skeletonRow} />
        </div>
      ) : run.isError ? (
        run.error instanceof ApiError && [400, 404].includes(run.error.status) ? (
          <Explanation runId={runId} title={t('runDetail.notFound.title')} />
        ) : (
          <FormAlert message={errorMessage(run.error)} />
        )
      ) : (
        <ReviewBody run={run.data} />
      )}
    </div>
  );
}

function ReviewBody({ run }: { run: Run }) {
  const { t } = useTranslation();
  const session = useSession();
  const viewerId = session.status === 'signed-in' ? session.user.id : null;
  const history = useScoreHistory();
  // My runs tell whether I reviewed already; without them the server's REVIEW_EXISTS says so on submit.
  const day = seoulParts(run.startsAt).day;
  const mine = useMyRuns({ role: 'participant', from: day, to: day, order: 'asc', limit: 100 });
  const write = useWriteHostReview(run.id);
  const [outcome, setOutcome] = useState<Blocked | null>(null);

  if (history.isPending) return <Skeleton className={styles.skeletonRow} />;
  // Attendance as the score history recorded it: a "present" entry for this run lets me review.
  const marks = history.data?.items.filter((item) => item.runId === run.id) ?? [];
  const present = history.isError || marks.some((item) => item.reason === 'present');
  const reviewed = mine.data?.items.find((item) => item.id === run.id)?.reviewed === true;
  const blocked: Blocked | null =
    outcome ?? (viewerId === run.host.id ? 'host' : !present ? 'notPresent' : reviewed ? 'exists' : null);

  if (blocked)
    return (
      <Explanation
        runId={run.id}
        title={t(`review.blocked.${blocked}.title`)}
        description={t(`review.blocked.${blocked}.description`)}
        done={blocked === 'done'}
      />
    );

  const formError =
    write.error && !(write.error instanceof ApiError && write.error.code in BLOCKING_CODES)
      ? errorMessage(write.error)
      : null;
  return (
    <HostReviewForm
      hostName={run.host.nickname}
      pending={write.isPending}
      error={formError}
      onSubmit={(review) =>
        write.mutate(review, {
          onSuccess: () => setOutcome('done'),
          onError: (error) => {
            if (error instanceof ApiError && error.code in BLOCKING_CODES)
              setOutcome(BLOCKING_CODES[error.code] ?? null);
          },
        })
      }
    />
  );
}

function Explanation({
  runId,
  title,
  description,
  done = false,
}: {
  runId: string;
  title: string;
  description?: string;
  done?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={done ? <CheckIcon /> : <UsersIcon />}
      title={title}
      description={description}
      action={
        <ButtonLink to={`/runs/${runId}`} variant="secondary">
          {t('review.backToRun')}
        </ButtonLink>
      }
    />
  );
}
