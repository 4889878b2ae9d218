import type { BadgeList, MyStats, NotificationPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser, movableClock, signInAt } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const clock = movableClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const at = <const U extends TestUser[]>(time: number, ...users: U) => signInAt(t.app, clock, time, ...users);

const join = (run: { id: string }, who: { accessToken: string }) =>
  t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(who) });

async function mark(
  run: { id: string },
  host: { accessToken: string },
  present: TestUser[],
  absent: TestUser[],
) {
  const r = await t.app.inject({
    method: 'PUT',
    url: `/api/runs/${run.id}/attendance`,
    headers: bearer(host),
    payload: { present: present.map((u) => u.user.id), absent: absent.map((u) => u.user.id) },
  });
  expect(r.statusCode, r.body).toBe(200);
}

async function categories(who: { accessToken: string }, runId: string): Promise<string[]> {
  const r = await t.app.inject({ method: 'GET', url: '/api/notifications?limit=50', headers: bearer(who) });
  return r
    .json<NotificationPage>()
    .items.filter((n) => n.link.startsWith(`/runs/${runId}`))
    .map((n) => n.category)
    .sort();
}

async function earned(who: { accessToken: string }): Promise<string[]> {
  const r = await t.app.inject({ method: 'GET', url: '/api/me/badges', headers: bearer(who) });
  return r
    .json<BadgeList>()
    .items.filter((b) => b.awardedAt !== null)
    .map((b) => b.code)
    .sort();
}

async function totals(who: { accessToken: string }) {
  const r = await t.app.inject({ method: 'GET', url: '/api/me/stats', headers: bearer(who) });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<MyStats>().totals;
}

describe('absent runners are never asked to review', () => {
  it('a runner marked absent after the review request went out no longer holds the request', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const runner = await newUser(t.app);
    const run = await newRun(t.app, host);
    await join(run, runner);
    const [h] = await at(Date.parse(run.startsAt), host);
    await mark(run, h, [runner], []);
    const [r1] = await at(Date.parse(run.endsAt) + HOUR + 60_000, runner);
    await t.services.reminders.sweep();
    expect(await categories(r1, run.id)).toContain('review_request');

    // The host corrects the record within the 48 hours: the runner was not there after all.
    const [h2, r2] = await at(Date.parse(run.endsAt) + 3 * HOUR, host, runner);
    await mark(run, h2, [], [runner]);
    expect(await categories(r2, run.id)).not.toContain('review_request');
    await t.services.reminders.sweep();
    expect(await categories(r2, run.id)).not.toContain('review_request');
    clock.offsetMs = 0;
  });
});

describe('badges and statistics count a run only for runners marked present', () => {
  it('three runs hosted on one evening in three cities with nobody marked present count for nothing', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const runner = await newUser(t.app);
    const start = Date.now() + 48 * HOUR;
    const runs = [];
    for (const region of ['seoul', 'busan', 'daegu'])
      runs.push(
        await newRun(t.app, host, {
          region,
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + HOUR).toISOString(),
          joinDeadline: new Date(start - 30 * 60_000).toISOString(),
        }),
      );
    for (const run of runs) await join(run, runner);

    const [h, r] = await at(start + 2 * HOUR, host, runner);
    await t.services.reminders.sweep();
    await t.services.badges.evaluateMany([host.user.id, runner.user.id]);
    expect(await earned(h)).toEqual([]);
    expect(await earned(r)).toEqual([]);
    expect(await totals(h)).toMatchObject({ runs: 0, hosted: 0, km: 0 });
    expect(await totals(r)).toMatchObject({ runs: 0, km: 0 });
    clock.offsetMs = 0;
  });

  it('a hosted run counts once a runner was marked present there; the runner’s counts when marked present', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const [present, absent] = [await newUser(t.app), await newUser(t.app)];
    const run = await newRun(t.app, host);
    await join(run, present);
    await join(run, absent);
    const [h] = await at(Date.parse(run.startsAt), host);
    await mark(run, h, [present], [absent]);
    const [h2, p, a] = await at(Date.parse(run.endsAt) + 2 * HOUR, host, present, absent);
    await t.services.reminders.sweep();
    expect(await earned(h2)).toEqual(['first_hosted', 'first_run']);
    expect(await earned(p)).toEqual(['first_run']);
    expect(await earned(a)).toEqual([]);
    expect(await totals(h2)).toMatchObject({ runs: 1, hosted: 1 });
    expect(await totals(p)).toMatchObject({ runs: 1 });
    expect(await totals(a)).toMatchObject({ runs: 0 });
    clock.offsetMs = 0;
  });
});
