import { describe, expect, it } from 'vitest';
import { addMonths, byDay, monthWeeks, shiftDay, visibleRange } from './month-grid.ts';

describe('month grid', () => {
  it('lays a month out in Sunday-first weeks, spilling into the neighbouring months', () => {
    // 1 November 2026 is a Sunday, 30 November a Monday.
    const weeks = monthWeeks('2026-11');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toBe('2026-11-01');
    expect(weeks.at(-1)).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]);
    // February 2026 starts on Sunday and ends on Saturday: exactly four rows.
    expect(monthWeeks('2026-02')).toHaveLength(4);
    // August 2026 starts on Saturday and has 31 days: six rows.
    const august = monthWeeks('2026-08');
    expect(august).toHaveLength(6);
    expect(august[0]?.slice(0, 2)).toEqual(['2026-07-26', '2026-07-27']);
    expect(visibleRange('2026-08')).toEqual({ from: '2026-07-26', to: '2026-09-05' });
  });

  it('handles leap years and year boundaries', () => {
    expect(monthWeeks('2028-02').flat()).toContain('2028-02-29');
    expect(monthWeeks('2027-02').flat()).not.toContain('2027-02-29');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', -13)).toBe('2025-10');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(visibleRange('2027-01')).toEqual({ from: '2026-12-27', to: '2027-02-06' });
  });

  it('puts a run on its Seoul day, whatever the UTC date', () => {
    const runs = [
      { id: 'late', startsAt: '2026-11-30T23:30:00+09:00' }, // 14:30 UTC on the 30th
      { id: 'early', startsAt: '2026-11-30T16:00:00Z' }, // 01:00 on 1 December in Seoul
      { id: 'same', startsAt: '2026-12-01T06:00:00+09:00' },
    ];
    const days = byDay(runs);
    expect(days.get('2026-11-30')?.map((r) => r.id)).toEqual(['late']);
    expect(days.get('2026-12-01')?.map((r) => r.id)).toEqual(['early', 'same']);
  });
});
