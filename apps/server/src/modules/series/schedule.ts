import { type SeriesFreq, SERIES_LIMITS, type Weekday } from '@erun/contracts';
import rrule from 'rrule';

const { RRule } = rrule;

/** What the maths needs of a series: dates are `YYYY-MM-DD`, the time "19:30" in Asia/Seoul. */
export interface ScheduleRule {
  freq: SeriesFreq;
  interval: number;
  byDay: readonly Weekday[];
  setPos: number | null;
  time: string;
  from: string;
  until: string | null;
  count: number | null;
}

const DAY_MS = 86_400_000;
const WEEKDAY = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
} as const;

/** A calendar date as rrule wants it: a "floating" date, UTC midnight of that day. */
const floating = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The day `days` after a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  return dayOf(new Date(floating(day).getTime() + days * DAY_MS));
}

/** Today in Asia/Seoul (UTC+9 all year: Korea keeps no daylight saving). */
export function seoulToday(now: Date): string {
  return dayOf(new Date(now.getTime() + 9 * 3_600_000));
}

/** When an occurrence on `day` starts: the local time in Asia/Seoul. */
export function startOf(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+09:00`);
}

function ruleOf(s: ScheduleRule) {
  return new RRule({
    freq: s.freq === 'weekly' ? RRule.WEEKLY : RRule.MONTHLY,
    interval: s.interval,
    byweekday: s.byDay.map((d) => WEEKDAY[d]),
    ...(s.freq === 'monthly' && s.setPos !== null ? { bysetpos: [s.setPos] } : {}),
    wkst: RRule.MO,
    dtstart: floating(s.from),
    ...(s.until !== null ? { until: floating(s.until) } : {}),
    ...(s.count !== null ? { count: s.count } : {}),
  });
}

/**
 * The series' dates from `first` through `last` (both included), in order. A count counts from the series'
 * first date, whatever range is asked for.
 */
export function datesBetween(s: ScheduleRule, first: string, last: string): string[] {
  if (last < first) return [];
  return ruleOf(s).between(floating(first), floating(last), true).map(dayOf);
}

/**
 * The dates to open now: those of the rolling window (today through today + 28 days, Asia/Seoul) whose
 * start is at least `minLeadMs` away (a run starts at least an hour after it is opened).
 */
export function windowDates(s: ScheduleRule, now: Date, minLeadMs: number, through?: string): string[] {
  const today = seoulToday(now);
  const last = through ?? addDays(today, SERIES_LIMITS.windowDays);
  return datesBetween(s, today, last).filter(
    (day) => startOf(day, s.time).getTime() >= now.getTime() + minLeadMs,
  );
}

/** Whether the series has any date left to open after `now` (false: every date is past or too soon). */
export function hasFutureDate(s: ScheduleRule, now: Date, minLeadMs: number): boolean {
  const rule = ruleOf(s);
  let found = false;
  rule.all((date) => {
    if (startOf(dayOf(date), s.time).getTime() >= now.getTime() + minLeadMs) {
      found = true;
      return false;
    }
    // Open-ended series: stop looking after a year.
    return date.getTime() < now.getTime() + 400 * DAY_MS;
  });
  return found;
}
