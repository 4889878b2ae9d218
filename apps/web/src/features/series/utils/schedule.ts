import {
  type CreateRunParsed,
  type CreateSeries,
  type SeriesScheduleInput,
  type Weekday,
  WEEKDAYS,
} from '@erun/contracts';
import type { TFunction } from 'i18next';

/** The run form's "정기런으로 반복" choices (off by default). */
export interface RepeatValue {
  on: boolean;
  /** 매주 / 격주 / 매월 */
  freq: 'weekly' | 'biweekly' | 'monthly';
  days: Weekday[];
  /** Monthly: 1st–4th or last (-1) given weekday. */
  setPos: number;
  end: 'count' | 'until' | 'never';
  count: string;
  until: string;
}

export const REPEAT_OFF: RepeatValue = {
  on: false,
  freq: 'weekly',
  days: [],
  setPos: 1,
  end: 'count',
  count: '10',
  until: '',
};

/** The weekday of a `YYYY-MM-DD` day (a calendar date: no time zone involved). */
export function weekdayOf(day: string): Weekday | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const sundayFirst = new Date(`${day}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7];
}

/** Which week of its month a day falls in (1–4, or -1 for the last): the monthly default. */
export function setPosOf(day: string): number {
  const date = Number(day.slice(8, 10));
  const nth = Math.ceil(date / 7);
  return nth >= 5 ? -1 : nth;
}

/** The days the schedule runs on: chosen ones, else the start date's weekday; one for a monthly series. */
export function daysOf(value: RepeatValue, from: string): Weekday[] {
  const own = weekdayOf(from);
  const chosen = value.days.length > 0 ? value.days : own ? [own] : [];
  const ordered = WEEKDAYS.filter((d) => chosen.includes(d));
  return value.freq === 'monthly' ? ordered.slice(0, 1) : ordered;
}

/** The schedule `POST /api/series` takes, from the section's choices and the run's start date and time. */
export function toSchedule(value: RepeatValue, from: string, time: string): SeriesScheduleInput {
  const end =
    value.end === 'count'
      ? { count: Number(value.count) }
      : value.end === 'until'
        ? { until: value.until }
        : {};
  return {
    freq: value.freq === 'monthly' ? 'monthly' : 'weekly',
    interval: value.freq === 'biweekly' ? 2 : 1,
    byDay: daysOf(value, from),
    ...(value.freq === 'monthly' ? { setPos: value.setPos } : {}),
    time,
    from,
    ...end,
  };
}

interface ScheduleLike {
  freq: 'weekly' | 'monthly';
  interval?: number;
  byDay: readonly Weekday[];
  setPos?: number | null;
  time: string;
  from: string;
  until?: string | null;
  count?: number | null;
}

const monthDay = (t: TFunction, day: string) =>
  t('series.summary.date', { month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });

/** In plain words: "매주 화·목 19:30, 12월 8일부터 10회". */
export function scheduleSummary(t: TFunction, s: ScheduleLike): string {
  const names = s.freq === 'monthly' ? 'series.dayNames' : 'series.days';
  const days = WEEKDAYS.filter((d) => s.byDay.includes(d))
    .map((d) => t(`${names}.${d}`))
    .join('·');
  const interval = s.interval ?? 1;
  const rhythm =
    s.freq === 'monthly'
      ? t('series.summary.monthly', { nth: t(`series.nth.${s.setPos ?? 1}`), day: days })
      : interval === 1
        ? t('series.summary.weekly', { days })
        : interval === 2
          ? t('series.summary.biweekly', { days })
          : t('series.summary.everyWeeks', { count: interval, days });
  const start = t('series.summary.from', { date: monthDay(t, s.from) });
  const end = s.count
    ? t('series.summary.count', { count: s.count })
    : s.until
      ? t('series.summary.until', { date: monthDay(t, s.until) })
      : '';
  return t('series.summary.full', { rhythm, time: s.time, start, end }).trim();
}

/** What the section says is wrong before anything is sent (message keys of the validation texts). */
export function repeatProblems(
  value: RepeatValue,
  from: string,
): Partial<Record<'days' | 'count' | 'until', string>> {
  if (!value.on) return {};
  const problems: Partial<Record<'days' | 'count' | 'until', string>> = {};
  if (daysOf(value, from).length === 0) problems.days = 'validation.schedule.byDay.required';
  const count = Number(value.count);
  if (value.end === 'count' && (!Number.isInteger(count) || count < 1 || count > 104))
    problems.count = 'validation.schedule.count.range';
  if (value.end === 'until' && (value.until === '' || value.until < from))
    problems.until = 'validation.schedule.until.beforeFrom';
  return problems;
}

/** The new run's fields as a series template: its times become durations from the start. */
export function seriesBodyOf(
  run: CreateRunParsed,
  value: RepeatValue,
  from: string,
  time: string,
): CreateSeries {
  const start = Date.parse(run.startsAt);
  const minutes = (iso: string | null | undefined) =>
    iso ? Math.round((start - Date.parse(iso)) / 60_000) : null;
  // Pace groups go with their paces and seats: pacers are named on each run.
  const {
    startsAt: _startsAt,
    endsAt,
    meetAt,
    joinDeadline,
    photoIds: _photoIds,
    paceGroups,
    ...fields
  } = run;
  return {
    template: {
      ...fields,
      paceGroups: paceGroups?.map((g) => ({ paceSecPerKm: g.paceSecPerKm, capacity: g.capacity })) ?? null,
      durationMinutes: Math.round((Date.parse(endsAt) - start) / 60_000),
      meetLeadMinutes: minutes(meetAt),
      joinDeadlineLeadMinutes: minutes(joinDeadline),
    },
    schedule: toSchedule(value, from, time),
  };
}
