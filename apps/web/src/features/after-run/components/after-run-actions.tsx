import { AFTER_RUN_WINDOWS, type Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/button.tsx';
import { useScoreHistory } from '../api/get-score-history.ts';
import { useNow } from '../../../lib/use-now.ts';

interface AfterRunActionsProps {
  run: Run;
  viewerId: string | null;
  now?: number;
  className?: string;
}

/**
 * On a run's page: the host's 출석 체크 while its window is open (출석 기록 보기 after it), and
 * 호스트 평가하기 for a participant the host marked present, in the 7 days after the end.
 */
export function AfterRunActions({ run, viewerId, now: fixedNow, className }: AfterRunActionsProps) {
  const { t } = useTranslation();
  const now = useNow(fixedNow);
  const start = Date.parse(run.startsAt);
  const end = Date.parse(run.endsAt);
  const isHost = viewerId === run.host.id;
  // Attendance is taken by whoever manages the run: the host, a co-host or the crew's staff.
  const takesAttendance = viewerId !== null && run.canManage;
  const reviewWindow =
    !isHost &&
    viewerId !== null &&
    run.myStatus === 'joined' &&
    now >= end &&
    now <= end + AFTER_RUN_WINDOWS.reviewClosesAfterEndMs;
  if (run.joinState === 'cancelled') return null;

  if (takesAttendance) {
    if (now < start - AFTER_RUN_WINDOWS.attendanceOpensBeforeStartMs) return null;
    const open = now <= end + AFTER_RUN_WINDOWS.attendanceClosesAfterEndMs;
    return (
      <div className={className}>
        <ButtonLink to={`/runs/${run.id}/attendance`} variant={open ? 'primary' : 'outline'} size="sm">
          {t(open ? 'attendance.open' : 'attendance.view')}
        </ButtonLink>
      </div>
    );
  }
  return reviewWindow ? <ReviewLink runId={run.id} className={className} /> : null;
}

/** Shown once the score history says the host marked me present. */
function ReviewLink({ runId, className }: { runId: string; className?: string }) {
  const { t } = useTranslation();
  const history = useScoreHistory();
  const present = history.data?.items.some((item) => item.runId === runId && item.reason === 'present');
  if (!present) return null;
  return (
    <div className={className}>
      <ButtonLink to={`/runs/${runId}/review`} size="sm">
        {t('review.open')}
      </ButtonLink>
    </div>
  );
}
