import { CreateRunSchema } from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { runFixture } from '../../../test/fixtures.ts';
import { changedRunFields, defaultDeadline, runToFormValues, toRunPayload } from './run-form.ts';

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
