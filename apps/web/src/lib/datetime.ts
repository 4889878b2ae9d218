import { i18n } from './i18n.ts';

/**
 * Dates and times as runners read them: always in Asia/Seoul (DOMAIN.md), whatever the device's zone.
 * Korea keeps no daylight saving time, so a local Seoul time is always UTC+09:00.
 */
export const SEOUL_TZ = 'Asia/Seoul';
const SEOUL_OFFSET = '+09:00';
const DAY_MS = 24 * 3600_000;

export interface SeoulParts {
  /** YYYY-MM-DD */
  day: string;
  /** HH:mm, 24-hour */
  time: string;
  year: string;
  month: string;
  date: string;
  hour: string;
  minute: string;
}

const SEOUL_OFFSET_MS = 9 * 3600_000;

function toDate(value: string | Date | number): Date {
  return value instanceof Date ? value : new Date(value);
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The wall-clock parts of an instant in Seoul, by arithmetic: Seoul has been UTC+09:00 all year since 1988. Not
 * with `Intl.DateTimeFormat`: a phone's first formatter with a time zone loads the zone data, ~45 ms of main thread
 * (177 ms at Lighthouse's 4× slowdown) inside the page's first long task, for every page with a date on it.
 */
export function seoulParts(value: string | Date | number): SeoulParts {
  const time = toDate(value).getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid time value');
  const wall = new Date(time + SEOUL_OFFSET_MS);
  const year = String(wall.getUTCFullYear());
  const [month, date] = [two(wall.getUTCMonth() + 1), two(wall.getUTCDate())];
  const [hour, minute] = [two(wall.getUTCHours()), two(wall.getUTCMinutes())];
  return { day: `${year}-${month}-${date}`, time: `${hour}:${minute}`, year, month, date, hour, minute };
}

/** The short weekdays of the app's languages, Sunday first, as `Intl` writes them ("토", "Sat"). */
const WEEKDAYS: Readonly<Record<string, readonly string[]>> = {
  ko: ['일', '월', '화', '수', '목', '금', '토'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
function weekdayOf(value: string | Date | number, locale: string): string {
  const names = WEEKDAYS[locale.split('-')[0] ?? ''];
  if (names) {
    const time = toDate(value).getTime();
    if (Number.isNaN(time)) throw new RangeError('Invalid time value');
    return names[new Date(time + SEOUL_OFFSET_MS).getUTCDay()] ?? '';
  }
  let format = weekdayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: SEOUL_TZ, weekday: 'short' });
    weekdayFormats.set(locale, format);
  }
  return format.format(toDate(value));
}

/** "12.06 (토) 07:00" — the short form used on cards and in the join panel. */
export function formatShortDateTime(value: string | Date | number, locale = 'ko'): string {
  const p = seoulParts(value);
  return `${p.month}.${p.date} (${weekdayOf(value, locale)}) ${p.time}`;
}

/** "07:00" */
export function formatTime(value: string | Date | number): string {
  return seoulParts(value).time;
}

/** An end time beside its start: "08:30", or "다음날 00:40" / "next day 00:40" when the run crosses midnight. */
export function formatEndTime(
  startsAt: string | Date | number,
  endsAt: string | Date | number,
  locale = 'ko',
): string {
  const time = formatTime(endsAt);
  return seoulParts(startsAt).day === seoulParts(endsAt).day
    ? time
    : i18n.t('time.nextDay', { time, lng: locale });
}

/** "2026년 12월 6일 토요일" / "Saturday, December 6, 2026". */
export function formatLongDate(value: string | Date | number, locale = 'ko'): string {
  return new Intl.DateTimeFormat(locale, { timeZone: SEOUL_TZ, dateStyle: 'full' }).format(toDate(value));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** A Seoul date and time from form inputs as ISO 8601 with offset, or null when either is missing or bad. */
export function toSeoulIso(day: string, time: string): string | null {
  if (!DAY.test(day) || !TIME.test(time)) return null;
  const iso = `${day}T${time}:00${SEOUL_OFFSET}`;
  if (Number.isNaN(Date.parse(iso))) return null;
  // Date.parse rolls 02-30 over into March; only a real calendar date survives the round trip.
  return seoulParts(iso).day === day ? iso : null;
}

/** `<input type="datetime-local">` value (Seoul) → ISO with offset. */
export function localInputToIso(value: string): string | null {
  const [day = '', time = ''] = value.split('T');
  return toSeoulIso(day, time.slice(0, 5));
}

/** ISO → `<input type="datetime-local">` value in Seoul. */
export function isoToLocalInput(value: string | Date | number): string {
  const p = seoulParts(value);
  return `${p.day}T${p.time}`;
}

/** Today's date in Seoul, YYYY-MM-DD. */
export function seoulToday(now: number = Date.now()): string {
  return seoulParts(now).day;
}

/** A YYYY-MM-DD day moved by whole days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const time = Date.parse(`${day}T00:00:00Z`) + days * DAY_MS;
  return new Date(time).toISOString().slice(0, 10);
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * How long ago, as comments show it: "방금 전", "3분 전", "2시간 전", "3일 전", then the date ("3월 5일", or
 * "2025년 3월 5일" after a year) — in the given language.
 */
export function formatRelativeTime(
  value: string | Date | number,
  locale = 'ko',
  now: number = Date.now(),
): string {
  const at = toDate(value).getTime();
  const ago = now - at;
  if (ago < MINUTE_MS) return i18n.t('time.justNow', { lng: locale });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  if (ago < HOUR_MS) return relative.format(-Math.floor(ago / MINUTE_MS), 'minute');
  if (ago < DAY_MS) return relative.format(-Math.floor(ago / HOUR_MS), 'hour');
  if (ago < 7 * DAY_MS) return relative.format(-Math.floor(ago / DAY_MS), 'day');
  const withYear = ago >= 365 * DAY_MS;
  return new Intl.DateTimeFormat(locale, {
    timeZone: SEOUL_TZ,
    ...(withYear ? { year: 'numeric' } : {}),
    month: 'short',
    day: 'numeric',
  }).format(at);
}

/** "2026. 12. 5. 오전 7:00" — the full moment, e.g. as a tooltip on a relative time. */
export function formatDateTime(value: string | Date | number, locale = 'ko'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: SEOUL_TZ,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(toDate(value));
}
