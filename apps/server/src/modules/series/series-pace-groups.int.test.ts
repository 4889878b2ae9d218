import type { CreatedSeries, ErrorBody, JoinResult, Run, SeriesPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, runBody, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { addDays, seoulToday } from './schedule.ts';

// A 정기런's template carries pace groups (DOMAIN.md "Series" × "Pace groups"): each occurrence is a run with
// the same groups (its own seats and waitlists); pacers are named per run. "This and following" changes them
// where the runners fit, and leaves a run whose runners would not fit with its own.

let t: TestApp;
let host: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  host = await newUser(t.app, { nickname: '페이스정기런' });
});
afterAll(() => t.close());

const inject = (
  who: { accessToken: string } | null,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers: who ? bearer(who) : {}, ...(payload ? { payload } : {}) });
const view = async (id: string) => (await inject(null, 'GET', `/api/runs/${id}`)).json<Run>();
const paces = (run: Run) => run.paceGroups.map((g) => [g.paceSecPerKm, g.capacity, g.participantCount]);

function template(overrides: Record<string, unknown> = {}) {
  const { startsAt: _s, endsAt: _e, ...fields } = runBody();
  return {
    ...fields,
    durationMinutes: 90,
    capacity: 12,
    paceGroups: [
      { paceSecPerKm: 420, capacity: 4 },
      { paceSecPerKm: 300, capacity: 4 },
      { paceSecPerKm: 360, capacity: 4 },
    ],
    ...overrides,
  };
}
const everyDay = () => ({
  freq: 'weekly',
  byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
  time: '19:30',
  from: addDays(seoulToday(new Date()), 1),
  count: 3,
});

describe('a series with pace groups', () => {
  it('gives every occurrence the groups (host in the fastest), and shows them on the series', async () => {
    const response = await inject(host, 'POST', '/api/series', {
      template: template(),
      schedule: everyDay(),
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<CreatedSeries>();
    expect(created.series.template.paceGroups).toEqual([
      { paceSecPerKm: 300, capacity: 4 },
      { paceSecPerKm: 360, capacity: 4 },
      { paceSecPerKm: 420, capacity: 4 },
    ]);
    expect(created.occurrences).toHaveLength(3);
    for (const occurrence of created.occurrences) {
      const run = await view(occurrence.id);
      expect(paces(run)).toEqual([
        [300, 4, 1],
        [360, 4, 0],
        [420, 4, 0],
      ]);
      expect(run.capacity).toBe(12);
    }
    // A runner joins the 6'00" group of one date: the other dates' groups are their own.
    const runner = await newUser(t.app);
    const [first, second] = created.occurrences;
    if (!first || !second) throw new Error('occurrences');
    const six = (await view(first.id)).paceGroups[1]?.id;
    const joined = await inject(runner, 'POST', `/api/runs/${first.id}/participants`, { paceGroupId: six });
    expect(joined.json<JoinResult>()).toEqual({ status: 'joined' });
    expect(paces(await view(second.id))).toEqual([
      [300, 4, 1],
      [360, 4, 0],
      [420, 4, 0],
    ]);
  });

  it('refuses groups that break the run rules (400 with message keys), and a pacer in a template is dropped', async () => {
    const bad = await inject(host, 'POST', '/api/series', {
      template: template({ capacity: 10 }),
      schedule: everyDay(),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().issues?.map((i) => i.message)).toContain('capacity.paceGroupsSum');
    const one = await inject(host, 'POST', '/api/series', {
      template: template({ capacity: 4, paceGroups: [{ paceSecPerKm: 300, capacity: 4 }] }),
      schedule: everyDay(),
    });
    expect(one.json<ErrorBody>().issues?.map((i) => i.message)).toContain('paceGroups.count');
    const paced = await inject(host, 'POST', '/api/series', {
      template: template({
        capacity: 8,
        paceGroups: [
          { paceSecPerKm: 300, capacity: 4, pacerId: host.user.id },
          { paceSecPerKm: 360, capacity: 4 },
        ],
      }),
      schedule: everyDay(),
    });
    expect(paced.statusCode, paced.body).toBe(201);
    const run = await view(paced.json<CreatedSeries>().occurrences[0]?.id ?? '');
    expect(run.paceGroups.map((g) => g.pacer)).toEqual([null, null]);
  });

  it('"run again" from a run with groups makes a series with them', async () => {
    const run = await newRun(t.app, host, {
      capacity: 6,
      paceGroups: [
        { paceSecPerKm: 330, capacity: 3 },
        { paceSecPerKm: 390, capacity: 3 },
      ],
    });
    const made = await inject(host, 'POST', '/api/series', { fromRunId: run.id, schedule: everyDay() });
    expect(made.statusCode, made.body).toBe(201);
    const created = made.json<CreatedSeries>();
    expect(created.series.template.paceGroups).toEqual([
      { paceSecPerKm: 330, capacity: 3 },
      { paceSecPerKm: 390, capacity: 3 },
    ]);
    expect(paces(await view(created.occurrences[0]?.id ?? ''))).toEqual([
      [330, 3, 1],
      [390, 3, 0],
    ]);
  });

  it('"this and following" changes the groups where the runners fit; a run whose runners do not keeps its own', async () => {
    const created = (
      await inject(host, 'POST', '/api/series', { template: template(), schedule: everyDay() })
    ).json<CreatedSeries>();
    const [d1, d2] = created.occurrences;
    if (!d1 || !d2) throw new Error('occurrences');
    // d2: a runner in the 7'00" group, which the change drops.
    const runner = await newUser(t.app);
    const seven = (await view(d2.id)).paceGroups[2]?.id;
    await inject(runner, 'POST', `/api/runs/${d2.id}/participants`, { paceGroupId: seven });
    const kept300 = (await view(d1.id)).paceGroups[0]?.id;
    const changed = await inject(host, 'PATCH', `/api/series/${created.series.id}`, {
      from: seoulToday(new Date(d1.startsAt)),
      changes: {
        capacity: 10,
        paceGroups: [
          { paceSecPerKm: 300, capacity: 6 },
          { paceSecPerKm: 330, capacity: 4 },
        ],
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<SeriesPage>().series.template.paceGroups).toEqual([
      { paceSecPerKm: 300, capacity: 6 },
      { paceSecPerKm: 330, capacity: 4 },
    ]);
    const first = await view(d1.id);
    expect(paces(first)).toEqual([
      [300, 6, 1],
      [330, 4, 0],
    ]);
    expect(first.capacity).toBe(10);
    expect(first.paceGroups[0]?.id).toBe(kept300);
    const second = await view(d2.id);
    expect(paces(second)).toEqual([
      [300, 4, 1],
      [360, 4, 0],
      [420, 4, 1],
    ]);
    expect(second.capacity).toBe(12);
    // A change without the groups leaves every run's groups and seats as they are.
    const retitled = await inject(host, 'PATCH', `/api/series/${created.series.id}`, {
      from: seoulToday(new Date(d1.startsAt)),
      changes: { title: '페이스별 새벽 러닝' },
    });
    expect(retitled.statusCode, retitled.body).toBe(200);
    expect(await view(d1.id)).toMatchObject({ title: '페이스별 새벽 러닝', capacity: 10 });
    expect(paces(await view(d2.id))).toEqual(paces(second));
  });
});
