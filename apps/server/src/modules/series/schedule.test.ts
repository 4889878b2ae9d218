import { describe, expect, it } from 'vitest';
import {
  addDays,
  datesBetween,
  hasFutureDate,
  type ScheduleRule,
  seoulToday,
  startOf,
  windowDates,
} from './schedule.ts';

const HOUR = 3_600_000;
const weekly = (over: Partial<ScheduleRule> = {}): ScheduleRule => ({
  freq: 'weekly',
  interval: 1,
  byDay: ['TU', 'TH'],
  setPos: null,
  time: '19:30',
  from: '2026-12-08',
  until: null,
  count: null,
  ...over,
});

describe('series dates', () => {
  it('weekly on Tuesday and Thursday', () => {
    expect(datesBetween(weekly(), '2026-12-01', '2026-12-20')).toEqual([
      '2026-12-08',
      '2026-12-10',
      '2026-12-15',
      '2026-12-17',
    ]);
  });

  it('every other week counts weeks from the week of the first date (Monday first)', () => {
    expect(datesBetween(weekly({ interval: 2, byDay: ['TU'] }), '2026-12-01', '2027-01-10')).toEqual([
      '2026-12-08',
      '2026-12-22',
      '2027-01-05',
    ]);
    // From a Thursday: that week's Tuesday is before the start, the next Tuesday is an off week.
    expect(datesBetween(weekly({ interval: 2, from: '2026-12-10' }), '2026-12-01', '2026-12-31')).toEqual([
      '2026-12-10',
      '2026-12-22',
      '2026-12-24',
    ]);
  });

  it('monthly on the last Saturday and on the second Sunday', () => {
    const last = weekly({ freq: 'monthly', byDay: ['SA'], setPos: -1, from: '2026-12-01' });
    expect(datesBetween(last, '2026-12-01', '2027-02-28')).toEqual([
      '2026-12-26',
      '2027-01-30',
      '2027-02-27',
    ]);
    const second = weekly({ freq: 'monthly', byDay: ['SU'], setPos: 2, from: '2026-12-01' });
    expect(datesBetween(second, '2026-12-01', '2027-01-31')).toEqual(['2026-12-13', '2027-01-10']);
  });

  it('a count counts from the first date, whatever range is asked; until includes its own day', () => {
    const three = weekly({ byDay: ['TU'], count: 3 });
    expect(datesBetween(three, '2026-12-01', '2027-03-01')).toEqual([
      '2026-12-08',
      '2026-12-15',
      '2026-12-22',
    ]);
    expect(datesBetween(three, '2026-12-16', '2027-03-01')).toEqual(['2026-12-22']);
    const until = weekly({ until: '2026-12-15' });
    expect(datesBetween(until, '2026-12-01', '2027-03-01')).toEqual([
      '2026-12-08',
      '2026-12-10',
      '2026-12-15',
    ]);
  });

  it('places a date and time in Asia/Seoul: just after midnight there is the evening before in UTC', () => {
    expect(startOf('2026-12-08', '00:30').toISOString()).toBe('2026-12-07T15:30:00.000Z');
    expect(startOf('2026-12-08', '19:30').toISOString()).toBe('2026-12-08T10:30:00.000Z');
    expect(seoulToday(new Date('2026-12-07T14:59:00Z'))).toBe('2026-12-07');
    expect(seoulToday(new Date('2026-12-07T15:00:00Z'))).toBe('2026-12-08');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('the window is today through today + 28 days (Seoul), without dates starting within the hour', () => {
    const s = weekly({ byDay: ['TU'], time: '00:30', from: '2026-12-01' });
    // 23:00 in Seoul on Monday 7 December: Tuesday 00:30 is 90 minutes away.
    const lateMonday = new Date('2026-12-07T14:00:00Z');
    expect(windowDates(s, lateMonday, HOUR)).toEqual([
      '2026-12-08',
      '2026-12-15',
      '2026-12-22',
      '2026-12-29',
    ]);
    // 23:59: it is 31 minutes away, too soon; the window still ends on 4 January.
    const almostMidnight = new Date('2026-12-07T14:59:00Z');
    expect(windowDates(s, almostMidnight, HOUR)).toEqual(['2026-12-15', '2026-12-22', '2026-12-29']);
    // 00:00 in Seoul: a new day, the window moves on by one.
    expect(windowDates(s, new Date('2026-12-07T15:00:00Z'), HOUR).at(-1)).toBe('2027-01-05');
  });

  it('knows a schedule with nothing left to open', () => {
    const now = new Date('2026-12-20T00:00:00Z');
    expect(hasFutureDate(weekly({ until: '2026-12-15' }), now, HOUR)).toBe(false);
    expect(hasFutureDate(weekly({ count: 2 }), now, HOUR)).toBe(false);
    expect(hasFutureDate(weekly({ count: 20 }), now, HOUR)).toBe(true);
    expect(hasFutureDate(weekly(), now, HOUR)).toBe(true);
  });
});
