import { AFTER_RUN_WINDOWS, type MyRun } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { formatLongDate, formatTime, seoulToday } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useMyRuns } from '../api/get-my-runs.ts';
import { byDay, monthOf, visibleRange } from '../utils/month-grid.ts';
import { RunCalendar } from './run-calendar.tsx';
import styles from './my-schedule.module.css';
import { useNow } from '../../../lib/use-now.ts';

/** 일정: a month of the runs I host and joined; a day's runs are listed under the grid. */
export function MySchedule({ now: fixedNow }: { now?: number }) {
  const { t, i18n } = useTranslation();
  const now = useNow(fixedNow);
  const today = seoulToday(now);
  const [month, setMonth] = useState(monthOf(today));
  const [selected, setSelected] = useState(today);
  const range = visibleRange(month);
  const runs = useMyRuns({ ...range, order: 'asc', limit: 100 });
  const items = runs.data?.items ?? [];
  const dayRuns = byDay(items).get(selected) ?? [];

  const changeMonth = (next: string) => {
    setMonth(next);
    if (monthOf(selected) !== next) setSelected(next === monthOf(today) ? today : `${next}-01`);
  };

  return (
    <div className={styles.schedule}>
      <RunCalendar
        month={month}
        today={today}
        selected={selected}
        runs={items}
        onSelect={setSelected}
        onMonthChange={changeMonth}
      />
      {runs.isError && (
        <div className={styles.error}>
          <FormAlert message={errorMessage(runs.error)} />
          <Button variant="outline" size="sm" onClick={() => void runs.refetch()}>
            {t('common.retry')}
          </Button>
        </div>
      )}
      <section className={styles.day} aria-live="polite" aria-busy={runs.isPending}>
        <h3 className={styles.dayTitle}>{formatLongDate(`${selected}T12:00:00+09:00`, i18n.language)}</h3>
        {runs.isPending ? (
          <p className={styles.muted}>{t('shell.loading')}</p>
        ) : dayRuns.length === 0 ? (
          <p className={styles.muted}>{t('calendar.noRuns')}</p>
        ) : (
          <ul className={styles.list}>
            {dayRuns.map((run) => (
              <DayRun key={run.id} run={run} now={now} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function DayRun({ run, now }: { run: MyRun; now: number }) {
  const { t } = useTranslation();
  const ended = Date.parse(run.endsAt) <= now;
  const cancelled = run.joinState === 'cancelled';
  const status = cancelled
    ? t('calendar.status.cancelled')
    : ended
      ? run.attended === false
        ? t('calendar.status.absent')
        : t('calendar.status.done')
      : t('calendar.status.upcoming');
  return (
    <li className={styles.run} data-past={ended || cancelled || undefined}>
      <span className={styles.time}>{formatTime(run.startsAt)}</span>
      <div className={styles.body}>
        <Link to={`/runs/${run.id}`} className={styles.title}>
          {run.title}
        </Link>
        <p className={styles.meta}>
          <span className={run.role === 'host' ? styles.hostTag : styles.joinTag}>
            {t(run.role === 'host' ? 'calendar.role.host' : 'calendar.role.participant')}
          </span>
          <span>{status}</span>
        </p>
      </div>
      <AfterRunLink run={run} now={now} />
    </li>
  );
}

/** The next thing to do after a run, while its window is open. */
function AfterRunLink({ run, now }: { run: MyRun; now: number }) {
  const { t } = useTranslation();
  if (run.joinState === 'cancelled') return null;
  const start = Date.parse(run.startsAt);
  const end = Date.parse(run.endsAt);
  if (run.role === 'host') {
    const open =
      now >= start - AFTER_RUN_WINDOWS.attendanceOpensBeforeStartMs &&
      now <= end + AFTER_RUN_WINDOWS.attendanceClosesAfterEndMs;
    return open ? (
      <Link to={`/runs/${run.id}/attendance`} className={styles.action}>
        {t('attendance.open')}
      </Link>
    ) : null;
  }
  const reviewable =
    run.attended === true &&
    !run.reviewed &&
    now >= end &&
    now <= end + AFTER_RUN_WINDOWS.reviewClosesAfterEndMs;
  return reviewable ? (
    <Link to={`/runs/${run.id}/review`} className={styles.action}>
      {t('review.open')}
    </Link>
  ) : null;
}
