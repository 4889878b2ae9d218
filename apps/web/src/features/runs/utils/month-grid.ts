import { seoulParts } from '../../../lib/datetime.ts';

/**
 * Month calendar maths on plain `YYYY-MM-DD` days (calendar arithmetic in UTC, so the device's zone never
 * shifts a day); which day a run falls on is decided in Asia/Seoul. Weeks start on Sunday, as Korean
 * calendars do.
 */
const DAY_MS = 86_400_000;

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** `YYYY-MM` of a day. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** A `YYYY-MM` month moved by whole months. */
export function addMonths(month: string, months: number): string {
  const [year = 0, index = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, index - 1 + months, 1));
  return date.toISOString().slice(0, 7);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: string): number => new Date(toTime(day)).getUTCDay();

export function shiftDay(day: string, days: number): string {
  return toDay(toTime(day) + days * DAY_MS);
}

/** The weeks (Sunday to Saturday) that show a month: 4 to 6 rows of 7 days, spilling into the neighbours. */
export function monthWeeks(month: string): string[][] {
  const first = `${month}-01`;
  const start = shiftDay(first, -weekdayOf(first));
  const last = shiftDay(`${addMonths(month, 1)}-01`, -1);
  const end = shiftDay(last, 6 - weekdayOf(last));
  const weeks: string[][] = [];
  for (let day = start; day <= end; day = shiftDay(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => shiftDay(day, i)));
  }
  return weeks;
}

/** First and last day on screen, for `/api/me/runs?from=&to=`. */
export function visibleRange(month: string): { from: string; to: string } {
  const weeks = monthWeeks(month);
  return { from: weeks[0]?.[0] ?? `${month}-01`, to: weeks.at(-1)?.[6] ?? `${month}-28` };
}

/** Items by the Seoul day they start on. */
export function byDay<T extends { startsAt: string }>(items: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const item of items) {
    const day = seoulParts(item.startsAt).day;
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return days;
}
