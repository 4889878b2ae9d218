import { beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  formatEndTime,
  formatLongDate,
  formatRelativeTime,
  formatShortDateTime,
  formatTime,
  isoToLocalInput,
  localInputToIso,
  seoulParts,
  seoulToday,
  toSeoulIso,
} from './datetime.ts';
import { i18n } from './i18n.ts';

// English texts are a chunk of their own (fetched on first use): load them before formatting in English.
beforeAll(() => i18n.loadLanguages('en'));

describe('datetime (Asia/Seoul)', () => {
  it('formats an instant as Seoul wall-clock time, whatever offset it was written in', () => {
    // 22:00 UTC on Friday is 07:00 on Saturday in Seoul.
    const iso = '2026-12-04T22:00:00Z';
    expect(formatShortDateTime(iso, 'ko')).toBe('12.05 (토) 07:00');
    expect(formatShortDateTime(iso, 'en')).toBe('12.05 (Sat) 07:00');
    expect(formatTime('2026-12-05T07:00:00+09:00')).toBe('07:00');
    expect(formatLongDate(iso, 'ko')).toBe('2026년 12월 5일 토요일');
    expect(seoulParts('2026-12-31T15:30:00Z')).toMatchObject({ day: '2027-01-01', time: '00:30' });
  });

  it('agrees with Intl in Seoul at every hour of years around now, in both languages, and refuses a bad instant', () => {
    // The parts are computed by arithmetic (no Intl on a card's path); Intl with the zone is the oracle.
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Seoul',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const weekday = (locale: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Seoul', weekday: 'short' });
    const [ko, en] = [weekday('ko'), weekday('en')];
    const start = Date.UTC(2024, 0, 1);
    for (let t = start; t < start + 4 * 366 * 24 * 3600_000; t += 3600_000 + 7 * 60_000) {
      const parts = Object.fromEntries(intl.formatToParts(t).map((part) => [part.type, part.value]));
      const ours = seoulParts(t);
      expect(ours.day).toBe(`${parts.year}-${parts.month}-${parts.day}`);
      expect(ours.time).toBe(`${parts.hour}:${parts.minute}`);
      const p = `${parts.month}.${parts.day}`;
      expect(formatShortDateTime(t, 'ko')).toBe(`${p} (${ko.format(t)}) ${ours.time}`);
      expect(formatShortDateTime(t, 'en-US')).toBe(`${p} (${en.format(t)}) ${ours.time}`);
    }
    expect(() => seoulParts('not a date')).toThrow(RangeError);
    expect(() => formatShortDateTime(Number.NaN)).toThrow(RangeError);
    // A language without its own table still gets its weekday, from Intl.
    expect(formatShortDateTime('2026-12-04T22:00:00Z', 'ja')).toBe('12.05 (土) 07:00');
  });

  it('turns form inputs into ISO 8601 with the +09:00 offset, and back', () => {
    expect(toSeoulIso('2026-12-05', '07:00')).toBe('2026-12-05T07:00:00+09:00');
    expect(Date.parse(toSeoulIso('2026-12-05', '07:00') ?? '')).toBe(Date.parse('2026-12-04T22:00:00Z'));
    expect(toSeoulIso('2026-02-30', '07:00')).toBeNull();
    expect(toSeoulIso('', '07:00')).toBeNull();
    expect(toSeoulIso('2026-12-05', '7pm')).toBeNull();
    expect(localInputToIso('2026-12-05T06:00')).toBe('2026-12-05T06:00:00+09:00');
    expect(isoToLocalInput('2026-12-04T21:00:00Z')).toBe('2026-12-05T06:00');
  });

  it('knows today in Seoul and adds calendar days', () => {
    expect(seoulToday(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('says how long ago, in Korean and in English, then gives the date', () => {
    const now = Date.parse('2026-12-05T12:00:00+09:00');
    const ago = (ms: number) => now - ms;
    const cases: [number, string, string][] = [
      [0, '방금 전', 'just now'],
      [59_000, '방금 전', 'just now'],
      [3 * 60_000, '3분 전', '3 minutes ago'],
      [59 * 60_000, '59분 전', '59 minutes ago'],
      [2 * 3600_000, '2시간 전', '2 hours ago'],
      [23 * 3600_000 + 59 * 60_000, '23시간 전', '23 hours ago'],
      [24 * 3600_000, '1일 전', '1 day ago'],
      [3 * 86_400_000, '3일 전', '3 days ago'],
      [7 * 86_400_000, '11월 28일', 'Nov 28'],
      [400 * 86_400_000, '2025년 10월 31일', 'Oct 31, 2025'],
    ];
    for (const [ms, ko, en] of cases) {
      expect(formatRelativeTime(ago(ms), 'ko', now)).toBe(ko);
      expect(formatRelativeTime(ago(ms), 'en', now)).toBe(en);
    }
    // A clock a little ahead of the server's is still "just now", not "in 5 seconds".
    expect(formatRelativeTime(now + 5_000, 'ko', now)).toBe('방금 전');
    // The date is Seoul's: 23:30 UTC on Nov 27 is already Nov 28 in Seoul.
    expect(formatRelativeTime('2026-11-27T15:30:00Z', 'ko', now)).toBe('11월 28일');
  });

  it('says an end the next day (a run across midnight)', () => {
    expect(formatEndTime('2026-12-05T07:00:00+09:00', '2026-12-05T08:30:00+09:00')).toBe('08:30');
    expect(formatEndTime('2026-12-05T23:30:00+09:00', '2026-12-06T00:40:00+09:00')).toBe('다음날 00:40');
    expect(formatEndTime('2026-12-05T23:30:00+09:00', '2026-12-06T00:40:00+09:00', 'en')).toBe(
      'next day 00:40',
    );
  });
});
