import type { BadgeList, NotificationPage, Run } from '@erun/contracts';
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
const DAY = 24 * HOUR;

const at = <const U extends TestUser[]>(time: number, ...users: U) => signInAt(t.app, clock, time, ...users);

function seoul(days: number, hour: number): string {
  const day = new Date(Date.now() + 9 * HOUR + days * DAY).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00+09:00`;
}

function runAt(startsAt: string, overrides: Record<string, unknown> = {}) {
  const start = Date.parse(startsAt);
  return {
    ...overrides,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + HOUR).toISOString(),
    joinDeadline: new Date(start - 30 * 60_000).toISOString(),
  };
}

const join = (run: { id: string }, who: { accessToken: string }) =>
  t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(who) });

/** The host marks the runners present at the run's start (badges count only runs one was marked present at). */
async function markPresent(run: Run, host: TestUser, ...runners: TestUser[]) {
  const [h] = await at(Date.parse(run.startsAt), host);
  const r = await t.app.inject({
    method: 'PUT',
    url: `/api/runs/${run.id}/attendance`,
    headers: bearer(h),
    payload: { present: runners.map((u) => u.user.id), absent: [] },
  });
  expect(r.statusCode, r.body).toBe(200);
}

async function badgesOf(who: { accessToken: string }) {
  const r = await t.app.inject({ method: 'GET', url: '/api/me/badges', headers: bearer(who) });
  expect(r.statusCode, r.body).toBe(200);
  return new Map(r.json<BadgeList>().items.map((b) => [b.code, b]));
}

/** The badge_earned notifications of a user, by badge. */
async function badgeNotices(who: { accessToken: string }): Promise<string[]> {
  const r = await t.app.inject({ method: 'GET', url: '/api/notifications?limit=50', headers: bearer(who) });
  return r
    .json<NotificationPage>()
    .items.filter((n) => n.category === 'badge_earned')
    .map((n) => String(n.data.badge))
    .sort();
}

describe('badges', () => {
  it('first_run and first_hosted when a run ends (the review-request sweep), once, even evaluated concurrently', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const runner = await newUser(t.app);
    const run = await newRun(t.app, host, runAt(seoul(2, 10)));
    await join(run, runner);
    await markPresent(run, host, runner);

    const [h0, r0] = await at(Date.parse(run.endsAt) - 10 * 60_000, host, runner);
    expect((await badgesOf(r0)).get('first_run')).toMatchObject({
      awardedAt: null,
      progress: { current: 0, target: 1 },
    });
    expect(await badgeNotices(h0)).toEqual([]);

    const [h, r] = await at(Date.parse(run.endsAt) + HOUR + 60_000, host, runner);
    await t.services.reminders.sweep();
    expect(await badgeNotices(r)).toEqual(['first_run']);
    expect(await badgeNotices(h)).toEqual(['first_hosted', 'first_run']);

    await Promise.all(Array.from({ length: 5 }, () => t.services.badges.evaluate(runner.user.id)));
    await t.services.reminders.sweep();
    expect(await badgeNotices(r)).toEqual(['first_run']);
    const list = await badgesOf(r);
    expect(list.get('first_run')).toMatchObject({ progress: null });
    expect(list.get('first_run')?.awardedAt).toBeTruthy();
    expect(list.get('runs_5')).toMatchObject({ awardedAt: null, progress: { current: 1, target: 5 } });
    expect([...list.keys()]).toHaveLength(12);

    // Shown on the public profile.
    const profile = await t.app.inject({ method: 'GET', url: `/api/users/${runner.user.id}` });
    expect(profile.json<{ badges: { code: string }[] }>().badges.map((b) => b.code)).toEqual(['first_run']);
    clock.offsetMs = 0;
  });

  it('concurrent evaluations of a newly qualified user award and notify each badge exactly once', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const runner = await newUser(t.app);
    const run = await newRun(t.app, host, runAt(seoul(2, 10)));
    // A hosted run counts once someone was marked present there.
    await join(run, runner);
    await markPresent(run, host, runner);
    const [h] = await at(Date.parse(run.endsAt) + 5 * 60_000, host);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.services.badges.evaluate(host.user.id)),
    );
    expect(results.flat().sort()).toEqual(['first_hosted', 'first_run']);
    expect(await badgeNotices(h)).toEqual(['first_hosted', 'first_run']);
    clock.offsetMs = 0;
  });

  it('runs_5 and dawn_5 at the fifth dawn run, not the fourth', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const runner = await newUser(t.app);
    const runs: Run[] = [];
    for (let d = 2; d <= 6; d++) runs.push(await newRun(t.app, host, runAt(seoul(d, 5))));
    for (const run of runs) await join(run, runner);
    expect(runs.every((r) => r.timeOfDay === 'dawn')).toBe(true);
    for (const run of runs) await markPresent(run, host, runner);

    const [r4] = await at(Date.parse(runs[3]?.endsAt ?? '') + 60_000, runner);
    const four = await badgesOf(r4);
    expect(four.get('runs_5')).toMatchObject({ awardedAt: null, progress: { current: 4, target: 5 } });
    expect(four.get('dawn_5')).toMatchObject({ awardedAt: null, progress: { current: 4, target: 5 } });

    const [r5] = await at(Date.parse(runs[4]?.endsAt ?? '') + 60_000, runner);
    const five = await badgesOf(r5);
    expect(five.get('runs_5')?.awardedAt).toBeTruthy();
    expect(five.get('dawn_5')?.awardedAt).toBeTruthy();
    expect(five.get('night_5')).toMatchObject({ progress: { current: 0, target: 5 } });
    expect(await badgeNotices(r5)).toEqual(['dawn_5', 'first_run', 'runs_5']);
    clock.offsetMs = 0;
  });

  it('all_themes needs a counted run of every theme: an absent mark does not count, correcting it does', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const runner = await newUser(t.app);
    const themes = ['city', 'park', 'track', 'riverside', 'mountain', 'beach'];
    const runs: Run[] = [];
    for (const [i, theme] of themes.entries())
      runs.push(await newRun(t.app, host, runAt(seoul(2 + i, 10), { theme })));
    for (const run of runs) await join(run, runner);
    const last = runs[5] as Run;
    for (const run of runs.slice(0, 5)) await markPresent(run, host, runner);

    const [h, r] = await at(Date.parse(last.endsAt) + 60_000, host, runner);
    const absent = await t.app.inject({
      method: 'PUT',
      url: `/api/runs/${last.id}/attendance`,
      headers: bearer(h),
      payload: { present: [], absent: [runner.user.id] },
    });
    expect(absent.statusCode).toBe(200);
    expect((await badgesOf(r)).get('all_themes')).toMatchObject({
      awardedAt: null,
      progress: { current: 5, target: 6 },
    });
    // The host corrects the record: the attendance hook awards it.
    await t.app.inject({
      method: 'PUT',
      url: `/api/runs/${last.id}/attendance`,
      headers: bearer(h),
      payload: { present: [runner.user.id], absent: [] },
    });
    expect(await badgeNotices(r)).toContain('all_themes');
    expect((await badgesOf(r)).get('all_themes')?.awardedAt).toBeTruthy();
    clock.offsetMs = 0;
  });

  it('top_host at the tenth positive review in a row; a negative among the latest ten resets it', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const other = await newUser(t.app);
    const runners = await Promise.all(Array.from({ length: 10 }, () => newUser(t.app)));
    const run = await newRun(t.app, host, runAt(seoul(2, 10), { capacity: 12 }));
    const second = await newRun(t.app, other, runAt(seoul(2, 12), { capacity: 12 }));
    for (const r of runners) {
      await join(run, r);
      await join(second, r);
    }
    const end = Date.parse(second.endsAt) + 60_000;
    const [h, o, ...tokens] = await at(end, host, other, ...runners);
    const ids = runners.map((r) => r.user.id);
    await t.app.inject({
      method: 'PUT',
      url: `/api/runs/${run.id}/attendance`,
      headers: bearer(h),
      payload: { present: ids, absent: [] },
    });
    await t.app.inject({
      method: 'PUT',
      url: `/api/runs/${second.id}/attendance`,
      headers: bearer(o),
      payload: { present: ids, absent: [] },
    });
    const review = (r: Run, who: { accessToken: string }, positive: boolean) =>
      t.app.inject({
        method: 'POST',
        url: `/api/runs/${r.id}/host-review`,
        headers: bearer(who),
        payload: positive
          ? { positive: true, categories: ['led_well'] }
          : { positive: false, categories: ['late'] },
      });

    for (const [i, who] of tokens.slice(0, 9).entries()) {
      clock.offsetMs = end + i * 5_000 - Date.now();
      expect((await review(run, who, true)).statusCode).toBe(201);
    }
    expect((await badgesOf(h)).get('top_host')).toMatchObject({
      awardedAt: null,
      progress: { current: 9, target: 10 },
    });
    clock.offsetMs = end + 50_000 - Date.now();
    expect((await review(run, tokens[9] as { accessToken: string }, true)).statusCode).toBe(201);
    expect(await badgeNotices(h)).toContain('top_host');

    // The other host: nine positive reviews, then a negative one, newest: not earned, progress back to 0.
    for (const [i, who] of tokens.entries()) {
      clock.offsetMs = end + (60 + i * 5) * 1000 - Date.now();
      expect((await review(second, who, i < 9)).statusCode).toBe(201);
    }
    const list = await badgesOf(o);
    expect(list.get('top_host')).toMatchObject({ awardedAt: null, progress: { current: 0, target: 10 } });
    clock.offsetMs = 0;
  });
});
