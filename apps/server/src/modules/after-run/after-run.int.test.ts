import type { Attendance, ErrorBody, Me, Profile, Run, ScoreHistory } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser, movableClock, signInAt } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const clock = movableClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const at = <const U extends TestUser[]>(time: number, ...users: U) => signInAt(t.app, clock, time, ...users);

async function scoreOf(user: TestUser, token: { accessToken: string }): Promise<number> {
  return (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json<Me>()
    .goodRunnerScore;
}

async function setUp(size = 3) {
  clock.offsetMs = 0;
  const host = await newUser(t.app, { nickname: '크루장' });
  const runners = await Promise.all(Array.from({ length: size }, () => newUser(t.app)));
  const run = await newRun(t.app, host, { capacity: 10 });
  for (const r of runners)
    await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(r) });
  return { host, runners, run };
}

const save = (run: Run, who: { accessToken: string }, body: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/runs/${run.id}/attendance`,
    headers: bearer(who),
    payload: body as object,
  });
const review = (run: Run, who: { accessToken: string }, body: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/runs/${run.id}/host-review`,
    headers: bearer(who),
    payload: body as object,
  });

/** Another host's run at which the runners were marked present: their reviews then move a host's score. */
async function qualify(...runners: TestUser[]) {
  const other = await newUser(t.app);
  const run = await newRun(t.app, other, { capacity: 10 });
  for (const r of runners)
    await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(r) });
  const [o] = await at(Date.parse(run.startsAt), other);
  const marked = await save(run, o, { present: runners.map((r) => r.user.id), absent: [] });
  expect(marked.statusCode).toBe(200);
  clock.offsetMs = 0;
}

describe('attendance', () => {
  it('host only, inside the window; scores follow the record and do not move when saved again', async () => {
    const { host, runners, run } = await setUp(3);
    const [a, b, c] = runners as [TestUser, TestUser, TestUser];
    const start = Date.parse(run.startsAt);

    const [early] = await at(start - 31 * 60_000, host);
    const tooEarly = await save(run, early, { present: [a.user.id], absent: [] });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json<ErrorBody>().code).toBe('OUTSIDE_WINDOW');

    const [h0, ta0] = await at(start - 30 * 60_000, host, a);
    const byRunner = await save(run, ta0, { present: [a.user.id], absent: [] });
    expect(byRunner.statusCode).toBe(403);
    const stranger = await newUser(t.app);
    const notMember = await save(run, h0, { present: [stranger.user.id], absent: [] });
    expect(notMember.statusCode).toBe(400);
    // Present from start − 30 min; absent only from the start, and a refused save writes nothing.
    const absentEarly = await save(run, h0, { present: [a.user.id, b.user.id], absent: [c.user.id] });
    expect(absentEarly.statusCode).toBe(409);
    expect(absentEarly.json<ErrorBody>().code).toBe('ABSENT_BEFORE_START');
    expect(await scoreOf(a, ta0)).toBe(50);
    const early30 = await save(run, h0, { present: [a.user.id], absent: [] });
    expect(early30.statusCode).toBe(200);
    expect(early30.json<Attendance>()).toMatchObject({ editable: true, absentEditable: false });
    expect(Date.parse(early30.json<Attendance>().absentOpensAt)).toBe(start);
    expect(await scoreOf(a, ta0)).toBe(51);

    const [h, ta, tb, tc] = await at(start, host, a, b, c);
    const saved = await save(run, h, { present: [a.user.id, b.user.id], absent: [c.user.id] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<Attendance>()).toMatchObject({
      editable: true,
      absentEditable: true,
      absent: [c.user.id],
    });
    expect([await scoreOf(a, ta), await scoreOf(c, tc)]).toEqual([51, 49]);

    await save(run, h, { present: [a.user.id, b.user.id], absent: [c.user.id] });
    expect([await scoreOf(a, ta), await scoreOf(b, tb), await scoreOf(c, tc)]).toEqual([51, 51, 49]);

    await save(run, h, { present: [c.user.id], absent: [b.user.id] });
    expect([await scoreOf(a, ta), await scoreOf(b, tb), await scoreOf(c, tc)]).toEqual([51, 49, 51]);

    const [late] = await at(Date.parse(run.endsAt) + 49 * 3600_000, host);
    expect((await save(run, late, { present: [a.user.id], absent: [] })).json<ErrorBody>().code).toBe(
      'OUTSIDE_WINDOW',
    );
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/runs/${run.id}/attendance`,
      headers: bearer(late),
    });
    expect(view.json<Attendance>()).toMatchObject({ editable: false });
  });
});

describe('attendance and leaving', () => {
  it('a runner marked present who leaves before the start takes no mark and no +1 km along', async () => {
    const { host, runners, run } = await setUp(1);
    const [a] = runners as [TestUser];
    const [h, ta] = await at(Date.parse(run.startsAt) - 20 * 60_000, host, a);
    expect((await save(run, h, { present: [a.user.id], absent: [] })).statusCode).toBe(200);
    expect(await scoreOf(a, ta)).toBe(51);
    const left = await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}/participants/me`,
      headers: bearer(ta),
    });
    expect(left.statusCode).toBe(204);
    expect(await scoreOf(a, ta)).toBe(50);
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/runs/${run.id}/attendance`,
      headers: bearer(h),
    });
    expect(view.json<Attendance>()).toMatchObject({ participants: [], present: [], absent: [] });
  });
});

describe('host review', () => {
  it('present participants review once within 7 days; absent ones cannot; the host score moves', async () => {
    const { host, runners, run } = await setUp(3);
    const [a, b, c] = runners as [TestUser, TestUser, TestUser];
    await qualify(a, b);
    const [h] = await at(Date.parse(run.startsAt), host);
    await save(run, h, { present: [a.user.id, b.user.id], absent: [c.user.id] });

    const [ta0] = await at(Date.parse(run.endsAt) - 60_000, a);
    expect(
      (await review(run, ta0, { positive: true, categories: ['led_well'] })).json<ErrorBody>().code,
    ).toBe('OUTSIDE_WINDOW');

    const [h2, ta, tb, tc] = await at(Date.parse(run.endsAt) + 2 * 3600_000, host, a, b, c);
    expect(
      (
        await review(run, ta, {
          positive: true,
          categories: ['led_well', 'on_time'],
          note: '최고의 크루장!',
        })
      ).statusCode,
    ).toBe(201);
    const again = await review(run, ta, { positive: false, categories: ['late'] });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().code).toBe('REVIEW_EXISTS');
    const absent = await review(run, tc, { positive: true, categories: ['led_well'] });
    expect(absent.statusCode).toBe(403);
    expect(absent.json<ErrorBody>().code).toBe('NOT_PRESENT');
    expect((await review(run, tb, { positive: true, categories: ['late'] })).statusCode).toBe(400);
    expect((await review(run, tb, { positive: false, categories: [] })).statusCode).toBe(400);
    expect((await review(run, tb, { positive: false, categories: ['late', 'unkind'] })).statusCode).toBe(201);
    expect(await scoreOf(host, h2)).toBe(50);

    const history = (
      await t.app.inject({ method: 'GET', url: '/api/me/score-history', headers: bearer(h2) })
    ).json<ScoreHistory>();
    expect(history.score).toBe(50);
    expect(history.items.map((i) => i.reason).sort()).toEqual(['review_negative', 'review_positive']);
    const notes = await t.database.executeSql(
      "select category from notifications where user_id = $1 and category = 'review_received'",
      [host.user.id],
    );
    expect(notes.rows).toHaveLength(2);

    const [late] = await at(Date.parse(run.endsAt) + 8 * 24 * 3600_000, c);
    expect((await review(run, late, { positive: true, categories: ['on_time'] })).statusCode).toBe(403);
  });

  it('the score is clamped to 0 however many bad reviews there are', async () => {
    const { host, runners, run } = await setUp(1);
    const [a] = runners as [TestUser];
    const [h] = await at(Date.parse(run.startsAt), host);
    await save(run, h, { present: [a.user.id], absent: [] });
    // 55 disappointed reviewers on record (inserted directly), then one real review triggers the recomputation.
    await t.database.executeSql(
      `with reviewers as (insert into users (nickname) select 'r' || g from generate_series(1, 55) g returning id)
       insert into host_reviews (run_id, reviewer_id, host_id, positive, categories, moves_score, created_at)
       select $1, id, $2, false, array['late'], true, now() from reviewers`,
      [run.id, host.user.id],
    );
    const [h2, ta] = await at(Date.parse(run.endsAt) + 3600_000, host, a);
    expect((await review(run, ta, { positive: true, categories: ['on_time'] })).statusCode).toBe(201);
    expect(await scoreOf(host, h2)).toBe(0);
  });
});

describe('public profile', () => {
  it('shows host review counts, the disappointing side only to the host', async () => {
    const { host, runners, run } = await setUp(2);
    const [a, b] = runners as [TestUser, TestUser];
    const [h] = await at(Date.parse(run.startsAt), host);
    await save(run, h, { present: [a.user.id, b.user.id], absent: [] });
    const [h2, ta, tb] = await at(Date.parse(run.endsAt) + 3600_000, host, a, b);
    await review(run, ta, { positive: true, categories: ['led_well', 'kept_bags'] });
    await review(run, tb, { positive: false, categories: ['late'] });
    const url = `/api/users/${host.user.id}`;
    const byGuest = (await t.app.inject({ method: 'GET', url })).json<Profile>();
    expect(byGuest.reviewCounts).toEqual({ led_well: 1, kept_bags: 1 });
    expect(byGuest).not.toHaveProperty('email');
    const byHost = (await t.app.inject({ method: 'GET', url, headers: bearer(h2) })).json<Profile>();
    expect(byHost.reviewCounts).toEqual({ led_well: 1, kept_bags: 1, late: 1 });
    expect(byHost.runsHosted).toBe(1);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users/00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(404);
  });
});
