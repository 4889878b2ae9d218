import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button, ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { UsersIcon } from '../../components/icons.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useAttendance } from '../../features/after-run/api/get-attendance.ts';
import { AttendanceSheet } from '../../features/after-run/components/attendance-sheet.tsx';
import { DisputeList } from '../../features/after-run/components/dispute-list.tsx';
import { useRun } from '../../features/runs/api/get-run.ts';
import { ApiError } from '../../lib/api-error.ts';
import { formatShortDateTime } from '../../lib/datetime.ts';
import { errorMessage } from '../../lib/messages.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import styles from './after-run.module.css';

/** `/runs/:runId/attendance`: the host's 출석 체크 (the 30-minute reminder links here). */
export function AttendancePage() {
  const { t, i18n } = useTranslation();
  const { runId = '' } = useParams();
  const run = useRun(runId);
  const attendance = useAttendance(runId);
  useDocumentTitle(t('attendance.title'));

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Link to={`/runs/${runId}`} className={styles.back}>
          {t('attendance.back')}
        </Link>
        <h1 className={styles.title}>{t('attendance.title')}</h1>
        {run.data && (
          <p className={styles.lead}>
            {run.data.title} · {formatShortDateTime(run.data.startsAt, i18n.language)}
          </p>
        )}
      </div>
      {attendance.isPending ? (
        <div role="status" aria-busy="true" aria-label={t('shell.loading')} className={styles.skeletons}>
          <Skeleton className={styles.skeletonRow} />
          <Skeleton className={styles.skeletonRow} />
          <Skeleton className={styles.skeletonRow} />
        </div>
      ) : attendance.isError ? (
        <AttendanceError error={attendance.error} runId={runId} onRetry={() => void attendance.refetch()} />
      ) : (
        <>
          <DisputeList runId={runId} />
          <AttendanceSheet key={attendance.data.runId} attendance={attendance.data} />
        </>
      )}
    </div>
  );
}

function AttendanceError({ error, runId, onRetry }: { error: Error; runId: string; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    const forbidden = error.status === 403;
    return (
      <EmptyState
        icon={<UsersIcon />}
        title={t(forbidden ? 'attendance.forbidden.title' : 'runDetail.notFound.title')}
        description={t(forbidden ? 'attendance.forbidden.description' : 'runDetail.notFound.description')}
        action={
          <ButtonLink to={forbidden ? `/runs/${runId}` : '/runs'} variant="secondary">
            {t(forbidden ? 'attendance.back' : 'runDetail.notFound.back')}
          </ButtonLink>
        }
      />
    );
  }
  return (
    <div className={styles.error}>
      <FormAlert message={errorMessage(error)} />
      <Button variant="outline" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}
