import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatLongDate,
  formatShortDateTime,
  formatTime,
  isoToLocalInput,
  localInputToIso,
  seoulParts,
  seoulToday,
  toSeoulIso,
} from './datetime.ts';

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
});
