import { CreateRunSchema } from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { runFixture } from '../../../test/fixtures.ts';
import {
  changedRunFields,
  defaultDeadline,
  endsNextDay,
  runFormSchema,
  runToFormValues,
  toRunPayload,
} from './run-form.ts';

describe('run form ⇄ payload', () => {
  it('edits an existing run without changing what the host did not touch', () => {
    const run = runFixture();
    const values = runToFormValues(run);
    expect(values).toMatchObject({
      date: '2026-12-05',
      startTime: '07:00',
      meetTime: '06:45',
      endTime: '08:30',
    });
    expect(values).toMatchObject({ paceMin: '5', paceSec: '30', capacity: '10', joinDeadline: '' });

    const before = toRunPayload(values);
    const after = CreateRunSchema.parse(toRunPayload({ ...values, title: '일요일 아침 한강 10K' }));
    // Description and photos always go along: the PATCH contract would otherwise reset them to its defaults.
    expect(changedRunFields(before, after)).toEqual({
      title: '일요일 아침 한강 10K',
      description: run.description,
      photoIds: [],
    });
  });

  it('moves a default join deadline with the start', () => {
    const values = runToFormValues(runFixture());
    const before = toRunPayload(values);
    const after = CreateRunSchema.parse(toRunPayload({ ...values, startTime: '08:00', endTime: '09:30' }));
    expect(changedRunFields(before, after)).toMatchObject({
      startsAt: '2026-12-05T08:00:00+09:00',
      endsAt: '2026-12-05T09:30:00+09:00',
      joinDeadline: '2026-12-05T07:00:00+09:00',
    });
    expect(defaultDeadline('2026-12-05', '00:30')).toBe('2026-12-04T23:30');
  });
});

describe('small things people hit (issue 18)', () => {
  const now = () => Date.parse('2026-12-01T12:00:00+09:00');
  const issuesOf = (values: ReturnType<typeof runToFormValues>) => {
    const result = runFormSchema({ now }).safeParse(values);
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path[0], message: i.message }));
  };

  it('takes an end time earlier than the start as the next day (a run across midnight)', () => {
    const values = {
      ...runToFormValues(runFixture()),
      startTime: '23:30',
      endTime: '00:40',
      meetTime: '23:15',
    };
    expect(toRunPayload(values)).toMatchObject({
      startsAt: '2026-12-05T23:30:00+09:00',
      endsAt: '2026-12-06T00:40:00+09:00',
      meetAt: '2026-12-05T23:15:00+09:00',
    });
    expect(issuesOf(values)).toEqual([]);
    expect(endsNextDay(values)).toBe(true);
    expect(endsNextDay({ ...values, endTime: '23:50' })).toBe(false);
  });

  it('reads a run across midnight back into the same times', () => {
    const run = runFixture({ startsAt: '2026-12-05T23:30:00+09:00', endsAt: '2026-12-06T00:40:00+09:00' });
    const values = runToFormValues(run);
    expect(values).toMatchObject({ date: '2026-12-05', startTime: '23:30', endTime: '00:40' });
    expect(toRunPayload(values).endsAt).toBe('2026-12-06T00:40:00+09:00');
  });

  it('says a past date on the date field, not on the time', () => {
    const values = { ...runToFormValues(runFixture()), date: '2026-11-30' };
    const issues = issuesOf(values);
    expect(issues).toContainEqual({ path: 'date', message: 'date.past' });
    expect(issues.some((i) => i.path === 'startsAt' || i.path === 'startTime')).toBe(false);
  });

  it('keeps "too soon" on the time when the day is today', () => {
    const values = {
      ...runToFormValues(runFixture()),
      date: '2026-12-01',
      startTime: '12:30',
      endTime: '13:30',
    };
    expect(issuesOf(values)).toContainEqual({ path: 'startsAt', message: 'startsAt.tooSoon' });
  });

  it('refuses pace seconds above 59 instead of carrying them into the minutes', () => {
    const values = { ...runToFormValues(runFixture()), paceMin: '5', paceSec: '75' };
    expect(issuesOf(values)).toContainEqual({ path: 'paceMin', message: 'pace.seconds' });
  });

  it('says a title over 40 characters instead of cutting it', () => {
    const values = { ...runToFormValues(runFixture()), title: '가'.repeat(41) };
    expect(issuesOf(values)).toContainEqual({ path: 'title', message: 'title.tooLong' });
  });
});
