import { describe, expect, it } from 'vitest';
import { formatRhythm } from './rhythm.ts';

describe('formatRhythm', () => {
  it('writes the days in week order with a middle dot, then the time', () => {
    expect(formatRhythm(['TH', 'TU'], '19:30')).toBe('매주 화·목 19:30');
    expect(formatRhythm(['SA'], '07:00')).toBe('매주 토 07:00');
  });

  it('names every day, weekdays and weekends', () => {
    expect(formatRhythm(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], '06:00')).toBe('매일 06:00');
    expect(formatRhythm(['FR', 'TH', 'WE', 'TU', 'MO'], '20:00')).toBe('평일 20:00');
    expect(formatRhythm(['SU', 'SA'], null)).toBe('주말');
  });

  it('shows what it knows, and nothing without days or time', () => {
    expect(formatRhythm([], '19:30')).toBe('19:30');
    expect(formatRhythm(['WE'], null)).toBe('매주 수');
    expect(formatRhythm([], null)).toBeNull();
  });

  it('speaks English', () => {
    expect(formatRhythm(['TU', 'TH'], '19:30', 'en')).toBe('Every Tue, Thu 19:30');
    expect(formatRhythm(['SA', 'SU'], '07:00', 'en')).toBe('Weekends 07:00');
  });
});
