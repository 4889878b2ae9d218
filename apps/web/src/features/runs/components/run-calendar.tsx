import type { MyRun } from '@erun/contracts';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { ChevronLeftIcon, ChevronRightIcon } from '../../../components/icons.tsx';
import { cx } from '../../../lib/cx.ts';
import { addMonths, byDay, monthOf, monthWeeks, shiftDay, weekdayOf } from '../utils/month-grid.ts';
import styles from './run-calendar.module.css';

interface RunCalendarProps {
  /** `YYYY-MM` on screen. */
  month: string;
  /** Today in Seoul (browser clock), `YYYY-MM-DD`. */
  today: string;
  /** The chosen day; its runs are listed under the grid. */
  selected: string;
  runs: readonly MyRun[];
  onSelect: (day: string) => void;
  onMonthChange: (month: string) => void;
}

const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

const utcFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** The day a key press moves to: arrows by day and week, Home/End to the week's ends, PageUp/Down by month. */
export function dayAfterKey(day: string, key: string): string | null {
  const step = KEY_STEPS[key];
  if (step !== undefined) return shiftDay(day, step);
  if (key === 'Home') return shiftDay(day, -weekdayOf(day));
  if (key === 'End') return shiftDay(day, 6 - weekdayOf(day));
  if (key === 'PageUp' || key === 'PageDown') {
    const month = addMonths(monthOf(day), key === 'PageUp' ? -1 : 1);
    const last = Number(shiftDay(`${addMonths(month, 1)}-01`, -1).slice(8));
    return `${month}-${String(Math.min(Number(day.slice(8)), last)).padStart(2, '0')}`;
  }
  return null;
}

/**
 * A month of my runs on the ARIA grid pattern: one tab stop, arrow keys move between days (and across
 * months), the focused day is the selected one. Hosted and joined runs differ in shape, not only colour.
 */
export function RunCalendar({ month, today, selected, runs, onSelect, onMonthChange }: RunCalendarProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const grid = useRef<HTMLDivElement>(null);
  const focusOnRender = useRef(false);
  const days = byDay(runs);
  const weeks = monthWeeks(month);
  const [year = 0, monthIndex = 1] = month.split('-').map(Number);
  const title = utcFormat(i18n.language, { year: 'numeric', month: 'long' }).format(
    Date.UTC(year, monthIndex - 1, 1),
  );
  const weekday = utcFormat(i18n.language, { weekday: 'short' });
  const fullDay = utcFormat(i18n.language, { dateStyle: 'full' });
  const tabStop = monthOf(selected) === month ? selected : `${month}-01`;

  useEffect(() => {
    if (!focusOnRender.current) return;
    focusOnRender.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-day="${selected}"]`)?.focus();
  }, [selected, month]);

  const go = (day: string) => {
    if (monthOf(day) !== month) onMonthChange(monthOf(day));
    onSelect(day);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, day: string) => {
    const next = dayAfterKey(day, event.key);
    if (next === null) return;
    event.preventDefault();
    focusOnRender.current = true;
    go(next);
  };

  return (
    <section className={styles.calendar} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Button
          variant="ghost"
          size="sm"
          aria-label={t('calendar.previous')}
          onClick={() => onMonthChange(addMonths(month, -1))}
        >
          <ChevronLeftIcon width={20} height={20} />
        </Button>
        <h3 id={headingId} className={styles.title} aria-live="polite">
          {title}
        </h3>
        <Button
          variant="ghost"
          size="sm"
          aria-label={t('calendar.next')}
          onClick={() => onMonthChange(addMonths(month, 1))}
        >
          <ChevronRightIcon width={20} height={20} />
        </Button>
      </div>
      <div role="grid" aria-labelledby={headingId} className={styles.grid} ref={grid}>
        <div role="row" className={styles.week}>
          {weeks[0]?.map((day) => (
            <div key={day} role="columnheader" className={styles.weekday}>
              {weekday.format(dayDate(day))}
            </div>
          ))}
        </div>
        {weeks.map((week) => (
          <div role="row" key={week[0]} className={styles.week}>
            {week.map((day) => {
              const onDay = days.get(day) ?? [];
              const hosted = onDay.filter((run) => run.role === 'host').length;
              const joined = onDay.length - hosted;
              // The name starts with the number the cell shows, so what is seen is what is said (WCAG 2.5.3).
              const label = [
                String(Number(day.slice(8))),
                fullDay.format(dayDate(day)),
                day === today ? t('calendar.today') : null,
                hosted > 0 ? t('calendar.hostedCount', { count: hosted }) : null,
                joined > 0 ? t('calendar.joinedCount', { count: joined }) : null,
              ]
                .filter(Boolean)
                .join(', ');
              return (
                <div
                  key={day}
                  role="gridcell"
                  data-day={day}
                  tabIndex={day === tabStop ? 0 : -1}
                  aria-selected={day === selected}
                  aria-current={day === today ? 'date' : undefined}
                  aria-label={label}
                  className={cx(
                    styles.day,
                    monthOf(day) !== month && styles.outside,
                    day < today && styles.past,
                    day === today && styles.today,
                    day === selected && styles.selected,
                  )}
                  onClick={() => go(day)}
                  onKeyDown={(event) => onKeyDown(event, day)}
                >
                  <span className={styles.number} aria-hidden="true">
                    {Number(day.slice(8))}
                  </span>
                  <span className={styles.marks} aria-hidden="true">
                    {onDay.slice(0, 3).map((run) => (
                      <span
                        key={run.id}
                        className={cx(
                          styles.mark,
                          run.role === 'host' ? styles.hosted : styles.joined,
                          run.joinState === 'cancelled' && styles.cancelled,
                        )}
                      >
                        <span className={styles.markTitle}>{run.title}</span>
                      </span>
                    ))}
                    {onDay.length > 3 && <span className={styles.more}>+{onDay.length - 3}</span>}
                  </span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <ul className={styles.legend}>
        <li>
          <span className={cx(styles.mark, styles.hosted)} aria-hidden="true" /> {t('calendar.legendHosted')}
        </li>
        <li>
          <span className={cx(styles.mark, styles.joined)} aria-hidden="true" /> {t('calendar.legendJoined')}
        </li>
      </ul>
    </section>
  );
}
