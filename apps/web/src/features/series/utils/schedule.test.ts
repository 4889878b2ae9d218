import type { CreateRunParsed } from '@erun/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import {
  REPEAT_OFF,
  repeatProblems,
  scheduleSummary,
  seriesBodyOf,
  setPosOf,
  toSchedule,
  weekdayOf,
} from './schedule.ts';

afterAll(() => i18n.changeLanguage('ko'));

describe('the repeat section', () => {
  it('reads the schedule in plain Korean and English', async () => {
    await i18n.changeLanguage('ko');
    const t = i18n.t;
    const weekly = toSchedule({ ...REPEAT_OFF, on: true, days: ['TH', 'TU'] }, '2026-12-08', '19:30');
    expect(scheduleSummary(t, weekly)).toBe('매주 화·목 19:30, 12월 8일부터 10회');
    const biweekly = toSchedule(
      { ...REPEAT_OFF, on: true, freq: 'biweekly', days: ['SA'], end: 'until', until: '2027-02-27' },
      '2026-12-12',
      '07:00',
    );
    expect(scheduleSummary(t, biweekly)).toBe('격주 토 07:00, 12월 12일부터 2월 27일까지');
    const monthly = toSchedule(
      { ...REPEAT_OFF, on: true, freq: 'monthly', days: ['SA'], setPos: -1, end: 'never' },
      '2026-12-26',
      '08:00',
    );
    expect(monthly).toMatchObject({ freq: 'monthly', interval: 1, byDay: ['SA'], setPos: -1 });
    expect(scheduleSummary(t, monthly)).toBe('매월 마지막 토요일 08:00, 12월 26일부터');
    await i18n.changeLanguage('en');
    expect(scheduleSummary(i18n.t, weekly)).toBe('Every week on Tue·Thu at 19:30, from 12/8 10 times');
  });

  it('defaults to the start date weekday and week of the month, and says what is wrong before sending', () => {
    expect(weekdayOf('2026-12-08')).toBe('TU');
    expect(weekdayOf('2026-12-13')).toBe('SU');
    expect(setPosOf('2026-12-26')).toBe(4);
    expect(setPosOf('2026-12-29')).toBe(-1);
    expect(toSchedule({ ...REPEAT_OFF, on: true }, '2026-12-10', '19:30').byDay).toEqual(['TH']);
    expect(repeatProblems({ ...REPEAT_OFF, on: true, count: '200' }, '2026-12-10')).toEqual({
      count: 'validation.schedule.count.range',
    });
    expect(
      repeatProblems({ ...REPEAT_OFF, on: true, end: 'until', until: '2026-12-01' }, '2026-12-10'),
    ).toEqual({ until: 'validation.schedule.until.beforeFrom' });
  });

  it('turns the new run into a template: durations from its times, no photos', () => {
    const run = {
      title: '화목 반포 러닝',
      description: '',
      startsAt: '2026-12-08T10:30:00.000Z',
      endsAt: '2026-12-08T12:00:00.000Z',
      meetAt: '2026-12-08T10:20:00.000Z',
      joinDeadline: '2026-12-08T09:30:00.000Z',
      meetingPlace: { name: '반포 한강공원', lat: 37.51, lng: 126.99 },
      route: [
        [37.51, 126.99],
        [37.52, 127.0],
      ],
      segmentStarts: [],
      capacity: 12,
      theme: 'riverside',
      region: 'seoul',
      photoIds: ['0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'],
      crewId: null,
      visibility: 'public',
      guestSeats: null,
      coHostIds: [],
      minAttendanceRate: null,
      womenOnly: false,
      paceGroups: null,
    } as CreateRunParsed;
    const body = seriesBodyOf(run, { ...REPEAT_OFF, on: true, days: ['TU', 'TH'] }, '2026-12-08', '19:30');
    expect(body.template).toMatchObject({
      durationMinutes: 90,
      meetLeadMinutes: 10,
      joinDeadlineLeadMinutes: 60,
    });
    expect(body.template).not.toHaveProperty('photoIds');
    expect(body.template).not.toHaveProperty('startsAt');
    expect(body.schedule).toEqual({
      freq: 'weekly',
      interval: 1,
      byDay: ['TU', 'TH'],
      time: '19:30',
      from: '2026-12-08',
      count: 10,
    });
    expect(body.template?.paceGroups).toBeNull();
    const grouped = seriesBodyOf(
      {
        ...run,
        capacity: 8,
        paceGroups: [
          { paceSecPerKm: 300, capacity: 4, pacerId: null },
          { paceSecPerKm: 360, capacity: 4 },
        ],
      },
      { ...REPEAT_OFF, on: true, days: ['TU'] },
      '2026-12-08',
      '19:30',
    );
    expect(grouped.template?.paceGroups).toEqual([
      { paceSecPerKm: 300, capacity: 4 },
      { paceSecPerKm: 360, capacity: 4 },
    ]);
  });
});
