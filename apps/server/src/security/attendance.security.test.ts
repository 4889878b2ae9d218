import type { Attendance, ErrorBody, Me, Profile, Run, ScoreHistory } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser, movableClock, signInAt } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

/** Host griefing through attendance, and review farming: attacks that once moved scores. */
const clock = movableClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

type Token = { accessToken: string };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const at = <const U extends TestUser[]>(time: number, ...users: U) => signInAt(t.app, clock, time, ...users);

async function hostedRun(joiners: number) {
  clock.offsetMs = 0;
  const host = await newUser(t.app, { nickname: '크루장' });
  const runners = await Promise.all(Array.from({ length: joiners }, () => newUser(t.app)));
  const run = await newRun(t.app, host, { capacity: 20 });
  for (const r of runners) {
    const joined = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/participants`,
      headers: bearer(r),
    });
    expect(joined.statusCode).toBe(201);
  }
  return { host, runners, run };
}

const save = (run: Run, who: Token, present: TestUser[], absent: TestUser[]) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/runs/${run.id}/attendance`,
    headers: bearer(who),
    payload: { present: present.map((u) => u.user.id), absent: absent.map((u) => u.user.id) },
  });
const review = (run: Run, who: Token, positive = true) =>
  t.app.inject({
    method: 'POST',
    url: `/api/runs/${run.id}/host-review`,
    headers: bearer(who),
    payload: positive
      ? { positive: true, categories: ['led_well'] }
      : { positive: false, categories: ['late'] },
  });
const remove = (run: Run, host: Token, runner: TestUser) =>
  t.app.inject({
    method: 'DELETE',
    url: `/api/runs/${run.id}/participants/${runner.user.id}`,
    headers: bearer(host),
    payload: { reason: '연락이 되지 않아요' },
  });
const scoreOf = async (who: Token) =>
  (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(who) })).json<Me>().goodRunnerScore;
const marksOf = async (run: Run, userId: string) =>
  (
    await t.database.executeSql('select present from attendance where run_id = $1 and user_id = $2', [
      run.id,
      userId,
    ])
  ).rows;

describe('attendance griefing by a host', () => {
  it('absent 25 minutes before the start is refused (409 ABSENT_BEFORE_START) and costs nothing', async () => {
    const { host, runners, run } = await hostedRun(1);
    const [a] = runners as [TestUser];
    const [h, ta] = await at(Date.parse(run.startsAt) - 25 * MINUTE, host, a);
    const early = await save(run, h, [], [a]);
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().code).toBe('ABSENT_BEFORE_START');
    expect(await marksOf(run, a.user.id)).toEqual([]);
    expect(await scoreOf(ta)).toBe(50);
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/runs/${run.id}/attendance`,
      headers: bearer(h),
    });
    expect(Date.parse(view.json<Attendance>().absentOpensAt)).toBe(Date.parse(run.startsAt));
    expect(view.json<Attendance>()).toMatchObject({ editable: true, absentEditable: false });
  });

  it('removing a participant deletes their marks and the score they moved', async () => {
    const { host, runners, run } = await hostedRun(2);
    const [a, b] = runners as [TestUser, TestUser];
    const [h, ta, tb] = await at(Date.parse(run.startsAt) - 25 * MINUTE, host, a, b);
    expect((await save(run, h, [a], [])).statusCode).toBe(200);
    expect(await scoreOf(ta)).toBe(51);
    // An absent mark left by the server before this rule (recorded 25 minutes before the start), −1 km.
    await t.database.executeSql(
      'insert into attendance (run_id, user_id, present, recorded_at) values ($1, $2, false, now())',
      [run.id, b.user.id],
    );
    await t.database.executeSql('update users set good_runner_score = 49 where id = $1', [b.user.id]);

    expect((await remove(run, h, a)).statusCode).toBe(204);
    expect((await remove(run, h, b)).statusCode).toBe(204);
    expect(await marksOf(run, a.user.id)).toEqual([]);
    expect(await marksOf(run, b.user.id)).toEqual([]);
    expect([await scoreOf(ta), await scoreOf(tb)]).toEqual([50, 50]);
    const history = await t.app.inject({ method: 'GET', url: '/api/me/score-history', headers: bearer(tb) });
    expect(history.json<ScoreHistory>().items).toEqual([]);
  });

  it('a runner who reviewed the host stays present (409 REVIEWER_STAYS_PRESENT)', async () => {
    const { host, runners, run } = await hostedRun(1);
    const [a] = runners as [TestUser];
    const [h] = await at(Date.parse(run.startsAt), host);
    expect((await save(run, h, [a], [])).statusCode).toBe(200);
    const [h2, ta] = await at(Date.parse(run.endsAt) + HOUR, host, a);
    expect((await review(run, ta, false)).statusCode).toBe(201);

    const flipped = await save(run, h2, [], [a]);
    expect(flipped.statusCode).toBe(409);
    expect(flipped.json<ErrorBody>().code).toBe('REVIEWER_STAYS_PRESENT');
    expect(await marksOf(run, a.user.id)).toEqual([{ present: true }]);
    expect(await scoreOf(ta)).toBe(51);
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/runs/${run.id}/attendance`,
      headers: bearer(h2),
    });
    expect(view.json<Attendance>().participants).toMatchObject([{ id: a.user.id, reviewed: true }]);
  });

  it('a review and a flip to absent at the same moment never both succeed', async () => {
    const { host, runners, run } = await hostedRun(6);
    const [h] = await at(Date.parse(run.startsAt), host);
    expect((await save(run, h, runners, [])).statusCode).toBe(200);
    const [h2, ...tokens] = await at(Date.parse(run.endsAt) + HOUR, host, ...runners);
    const outcomes = await Promise.all(
      runners.map(async (r, i) => {
        const [written, flipped] = await Promise.all([
          review(run, tokens[i] as Token),
          save(run, h2, [], [r]),
        ]);
        return [written.statusCode, flipped.statusCode];
      }),
    );
    for (const [written, flipped] of outcomes) {
      expect([
        [201, 409],
        [403, 200],
      ]).toContainEqual([written, flipped]);
    }
    const both = await t.database.executeSql(
      `select count(*)::int as n from host_reviews r join attendance a
         on a.run_id = r.run_id and a.user_id = r.reviewer_id where r.run_id = $1 and not a.present`,
      [run.id],
    );
    expect(both.rows).toEqual([{ n: 0 }]);
  });
});

describe('review farming', () => {
  it('reviews by fresh accounts are kept and shown but move no score; a runner of another host’s run moves it', async () => {
    const { host, runners, run } = await hostedRun(4);
    const [f1, f2, f3, veteran] = runners as [TestUser, TestUser, TestUser, TestUser];
    const other = await newUser(t.app);
    const elsewhere = await newRun(t.app, other, { capacity: 5 });
    await t.app.inject({
      method: 'POST',
      url: `/api/runs/${elsewhere.id}/participants`,
      headers: bearer(veteran),
    });
    const [o] = await at(Date.parse(elsewhere.startsAt), other);
    expect((await save(elsewhere, o, [veteran], [])).statusCode).toBe(200);
    const [h] = await at(Date.parse(run.startsAt), host);
    expect((await save(run, h, runners, [])).statusCode).toBe(200);

    const [h2, t1, t2, t3, tv] = await at(Date.parse(run.endsAt) + HOUR, host, f1, f2, f3, veteran);
    for (const fresh of [t1, t2, t3]) expect((await review(run, fresh)).statusCode).toBe(201);
    expect(await scoreOf(h2)).toBe(50);
    const history = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/me/score-history', headers: bearer(h2) }))
        .json<ScoreHistory>()
        .items.map((i) => i.reason);
    expect(await history()).toEqual([]);
    const profile = await t.app.inject({ method: 'GET', url: `/api/users/${host.user.id}` });
    expect(profile.json<Profile>().reviewCounts).toEqual({ led_well: 3 });

    expect((await review(run, tv)).statusCode).toBe(201);
    expect(await scoreOf(h2)).toBe(51);
    expect(await history()).toEqual(['review_positive']);
  });
});
