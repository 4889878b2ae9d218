import type {
  EscalatedDisputes,
  BadgeList,
  Dispute,
  ErrorBody,
  Me,
  MyAttendance,
  NotificationPage,
  Reliability,
  Run,
  RunDisputes,
  RunReliability,
} from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrizzleUnitOfWork } from '../../adapters/drizzle-unit-of-work.ts';
import {
  bearer,
  movableClock,
  newRun,
  newUser,
  runBody,
  signInAt,
  type TestUser,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { DisputesRepository } from './disputes.repository.ts';
import { DisputesService } from './disputes.service.ts';

const clock = movableClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const MIN = 60_000;
const at = <const U extends TestUser[]>(time: number, ...users: U) => signInAt(t.app, clock, time, ...users);
type Token = { accessToken: string };

const join = (run: { id: string }, who: Token) =>
  t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(who) });
const leave = (run: { id: string }, who: Token) =>
  t.app.inject({ method: 'DELETE', url: `/api/runs/${run.id}/participants/me`, headers: bearer(who) });

async function mark(run: Run, host: Token, present: TestUser[], absent: TestUser[]) {
  const r = await t.app.inject({
    method: 'PUT',
    url: `/api/runs/${run.id}/attendance`,
    headers: bearer(host),
    payload: { present: present.map((u) => u.user.id), absent: absent.map((u) => u.user.id) },
  });
  expect(r.statusCode, r.body).toBe(200);
}

const dispute = (run: Run, who: Token, note = '늦게 도착했지만 함께 달렸어요.') =>
  t.app.inject({
    method: 'POST',
    url: `/api/runs/${run.id}/attendance/disputes`,
    headers: bearer(who),
    payload: { note },
  });
/** A moderator (role set in the database, as `npm run admin -- grant` does). */
async function newModerator(): Promise<TestUser> {
  const user = await newUser(t.app);
  await t.database.executeSql(`update users set role = 'moderator' where id = $1`, [user.user.id]);
  return user;
}
const decideAsModerator = (run: Run, who: Token, runner: TestUser, decision: 'accept' | 'reject') =>
  t.app.inject({
    method: 'POST',
    url: `/api/admin/disputes/${run.id}/${runner.user.id}`,
    headers: bearer(who),
    payload: { decision },
  });
const resolve = (run: Run, who: Token, runner: TestUser, decision: 'accept' | 'reject') =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/runs/${run.id}/attendance/disputes/${runner.user.id}`,
    headers: bearer(who),
    payload: { decision },
  });
const get = <T>(url: string, who: Token) =>
  t.app
    .inject({ method: 'GET', url, headers: bearer(who) })
    .then((r) => ({ status: r.statusCode, body: r.json<T>() }));

async function categories(who: Token): Promise<string[]> {
  const r = await get<NotificationPage>('/api/notifications?limit=50', who);
  return r.body.items.map((n) => n.category).sort();
}
const scoreOf = async (who: Token) => (await get<Me>('/api/me', who)).body.goodRunnerScore;

/** A run two days ahead with a host and runners in it. */
async function setUp(size = 2, overrides: Record<string, unknown> = {}) {
  clock.offsetMs = 0;
  const host = await newUser(t.app);
  const runners = await Promise.all(Array.from({ length: size }, () => newUser(t.app)));
  const run = await newRun(t.app, host, { capacity: 10, ...overrides });
  for (const r of runners) expect((await join(run, r)).statusCode).toBe(201);
  return { host, runners, run };
}

describe('attendance disputes', () => {
  it('the absent runner is told once; disputes once, within 48 h; the host is told', async () => {
    const { host, runners, run } = await setUp(2);
    const [absent, present] = runners as [TestUser, TestUser];
    const [h, a, p] = await at(Date.parse(run.startsAt) + 10 * MIN, host, absent, present);
    await mark(run, h, [present], [absent]);
    await mark(run, h, [present], [absent]);
    expect((await categories(a)).filter((c) => c === 'attendance_absent')).toHaveLength(1);
    expect(await categories(p)).not.toContain('attendance_absent');
    const absentNote = (await get<NotificationPage>('/api/notifications', a)).body.items.find(
      (n) => n.category === 'attendance_absent',
    );
    expect(absentNote?.link).toBe(`/runs/${run.id}`);

    const mine = await get<MyAttendance>(`/api/runs/${run.id}/attendance/me`, a);
    expect(mine.body).toMatchObject({ present: false, canDispute: true, dispute: null });
    expect(Date.parse(mine.body.disputeClosesAt ?? '')).toBe(Date.parse(run.endsAt) + 48 * HOUR);

    // Present, or not in the run at all: nothing to dispute.
    expect((await dispute(run, p)).json<ErrorBody>().code).toBe('DISPUTE_NOT_ALLOWED');
    const stranger = await newUser(t.app);
    const [s] = await at(clock.now().getTime(), stranger);
    const strangers = await dispute(run, s);
    expect([strangers.statusCode, strangers.json<ErrorBody>().code]).toEqual([403, 'DISPUTE_NOT_ALLOWED']);
    expect((await dispute(run, a, 'x')).statusCode).toBe(400);

    const opened = await dispute(run, a);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json<Dispute>()).toMatchObject({ status: 'open', userId: absent.user.id });
    const again = await dispute(run, a);
    expect([again.statusCode, again.json<ErrorBody>().code]).toEqual([409, 'DISPUTE_EXISTS']);
    expect(await categories(h)).toContain('attendance_dispute');
    expect((await get<MyAttendance>(`/api/runs/${run.id}/attendance/me`, a)).body).toMatchObject({
      canDispute: false,
      dispute: { status: 'open' },
    });
    clock.offsetMs = 0;
  });

  it('the window closes 48 h after the end (or after a later mark)', async () => {
    const { host, runners, run } = await setUp(2);
    const [early, late] = runners as [TestUser, TestUser];
    const end = Date.parse(run.endsAt);
    const [h] = await at(Date.parse(run.startsAt), host);
    await mark(run, h, [], [early]);
    const [h2] = await at(end + 47 * HOUR, host);
    await mark(run, h2, [], [late]);

    const [e1] = await at(end + 48 * HOUR + MIN, early);
    const closed = await dispute(run, e1);
    expect([closed.statusCode, closed.json<ErrorBody>().code]).toEqual([403, 'DISPUTE_NOT_ALLOWED']);
    const [l1] = await at(end + 48 * HOUR + MIN, late);
    expect((await dispute(run, l1)).statusCode).toBe(201);
    clock.offsetMs = 0;
  });

  it('only whoever manages the run decides; accept makes present (score, badges), reject keeps absent', async () => {
    const { host, runners, run } = await setUp(3);
    const [accepted, rejected, other] = runners as [TestUser, TestUser, TestUser];
    const [h] = await at(Date.parse(run.startsAt), host);
    await mark(run, h, [], [accepted, rejected]);
    const after = Date.parse(run.endsAt) + 2 * HOUR;
    const [h2, a, r, o] = await at(after, host, accepted, rejected, other);
    expect(await scoreOf(a)).toBe(49);
    expect((await dispute(run, a)).statusCode).toBe(201);
    expect((await dispute(run, r)).statusCode).toBe(201);

    const list = await get<RunDisputes>(`/api/runs/${run.id}/attendance/disputes`, h2);
    expect(list.status).toBe(200);
    expect(list.body.items.map((d) => d.user.id).sort()).toEqual([accepted.user.id, rejected.user.id].sort());
    expect((await get<ErrorBody>(`/api/runs/${run.id}/attendance/disputes`, o)).status).toBe(403);

    expect((await resolve(run, o, accepted, 'accept')).statusCode).toBe(403);
    expect((await resolve(run, a, accepted, 'accept')).statusCode).toBe(403);
    const none = await resolve(run, h2, other, 'accept');
    expect([none.statusCode, none.json<ErrorBody>().code]).toEqual([404, 'DISPUTE_NOT_FOUND']);

    const ok = await resolve(run, h2, accepted, 'accept');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Dispute>().status).toBe('accepted');
    expect((await resolve(run, h2, accepted, 'reject')).json<ErrorBody>().code).toBe('DISPUTE_NOT_ALLOWED');
    expect((await resolve(run, h2, rejected, 'reject')).json<Dispute>().status).toBe('rejected');

    expect(await scoreOf(a)).toBe(51);
    expect(await scoreOf(r)).toBe(49);
    expect((await get<MyAttendance>(`/api/runs/${run.id}/attendance/me`, a)).body.present).toBe(true);
    expect(await categories(a)).toContain('dispute_resolved');
    expect(await categories(r)).toContain('dispute_resolved');
    const badges = (await get<BadgeList>('/api/me/badges', a)).body.items;
    expect(badges.find((b) => b.code === 'first_run')?.awardedAt).toBeTruthy();
    const rBadges = (await get<BadgeList>('/api/me/badges', r)).body.items;
    expect(rBadges.find((b) => b.code === 'first_run')?.awardedAt).toBeNull();
    clock.offsetMs = 0;
  });

  it('marking the disputing runner present on the sheet accepts their dispute (told once)', async () => {
    const { host, runners, run } = await setUp(2);
    const [disputing, other] = runners as [TestUser, TestUser];
    const [h] = await at(Date.parse(run.startsAt), host);
    await mark(run, h, [], [disputing, other]);
    const [h2, d] = await at(Date.parse(run.endsAt) + HOUR, host, disputing);
    expect((await dispute(run, d)).statusCode).toBe(201);

    await mark(run, h2, [disputing], [other]);
    const mine = await get<MyAttendance>(`/api/runs/${run.id}/attendance/me`, d);
    expect(mine.body).toMatchObject({ present: true, dispute: { status: 'accepted' } });
    expect(mine.body.dispute?.resolvedAt).toBeTruthy();
    const list = await get<RunDisputes>(`/api/runs/${run.id}/attendance/disputes`, h2);
    expect(list.body.items.map((i) => i.status)).toEqual(['accepted']);
    expect((await categories(d)).filter((c) => c === 'dispute_resolved')).toHaveLength(1);

    // Marked present again: nothing more to decide, nobody told twice.
    await mark(run, h2, [disputing], []);
    expect((await categories(d)).filter((c) => c === 'dispute_resolved')).toHaveLength(1);
    const late = await resolve(run, h2, disputing, 'reject');
    expect([late.statusCode, late.json<ErrorBody>().code]).toEqual([403, 'DISPUTE_NOT_ALLOWED']);
    clock.offsetMs = 0;
  });

  it('a co-host decides too', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const [cohost, runner] = [await newUser(t.app), await newUser(t.app)];
    const run = await newRun(t.app, host, { capacity: 10, coHostIds: [cohost.user.id] });
    await join(run, runner);
    const [h] = await at(Date.parse(run.startsAt), host);
    await mark(run, h, [], [runner]);
    const [c, r] = await at(Date.parse(run.endsAt), cohost, runner);
    expect((await dispute(run, r)).statusCode).toBe(201);
    expect((await resolve(run, c, runner, 'accept')).statusCode).toBe(200);
    clock.offsetMs = 0;
  });

  it('open for 72 h: escalated once, even by two workers at once', async () => {
    const { host, runners, run } = await setUp(1);
    const [runner] = runners as [TestUser];
    const [h] = await at(Date.parse(run.startsAt), host);
    await mark(run, h, [], [runner]);
    const opened = Date.parse(run.endsAt);
    const [r] = await at(opened, runner);
    expect((await dispute(run, r)).statusCode).toBe(201);

    const second = new DisputesService(
      new DrizzleUnitOfWork(t.database.db),
      new DisputesRepository(t.database.db),
      async () => {
        throw new Error('unused');
      },
      clock,
      t.services.notifications,
      t.services.uploads,
      async () => {},
    );
    clock.offsetMs = opened + 72 * HOUR - MIN - Date.now();
    await t.services.disputes.escalate();
    expect((await t.services.disputes.escalated()).some((d) => d.runId === run.id)).toBe(false);
    clock.offsetMs = opened + 72 * HOUR + MIN - Date.now();
    const counts = await Promise.all([t.services.disputes.escalate(), second.escalate()]);
    const mine = (await t.services.disputes.escalated()).filter((d) => d.runId === run.id);
    expect(mine).toHaveLength(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await t.services.disputes.escalate()).toBe(0);
    clock.offsetMs = 0;
  });
});

describe('escalated disputes', () => {
  it('once escalated, the host no longer decides (403 DISPUTE_NOT_ALLOWED); a moderator does', async () => {
    const { host, runners, run } = await setUp(2);
    const [first, second] = runners as [TestUser, TestUser];
    const [h] = await at(Date.parse(run.startsAt), host);
    await mark(run, h, [], [first, second]);
    const opened = Date.parse(run.endsAt);
    const [f, s] = await at(opened, first, second);
    expect((await dispute(run, f)).statusCode).toBe(201);
    expect((await dispute(run, s)).statusCode).toBe(201);
    clock.offsetMs = opened + 72 * HOUR + MIN - Date.now();
    await t.services.disputes.escalate();

    const [h2] = await at(clock.now().getTime(), host);
    for (const decision of ['accept', 'reject'] as const) {
      const refused = await resolve(run, h2, first, decision);
      expect([refused.statusCode, refused.json<ErrorBody>().code]).toEqual([403, 'DISPUTE_NOT_ALLOWED']);
    }
    const list = await get<RunDisputes>(`/api/runs/${run.id}/attendance/disputes`, h2);
    expect(list.body.items.map((d) => d.status)).toEqual(['escalated', 'escalated']);

    const plain = await newUser(t.app);
    const moderator = await newModerator();
    const [p, m] = await at(clock.now().getTime(), plain, moderator);
    // The queue is the moderators': a plain user (even the host) gets 403 NOT_MODERATOR, there and on a decision.
    for (const who of [p, h2]) {
      const queue = await t.app.inject({ method: 'GET', url: '/api/admin/disputes', headers: bearer(who) });
      expect([queue.statusCode, queue.json<ErrorBody>().code]).toEqual([403, 'NOT_MODERATOR']);
      const decided = await decideAsModerator(run, who, first, 'accept');
      expect([decided.statusCode, decided.json<ErrorBody>().code]).toEqual([403, 'NOT_MODERATOR']);
    }
    const queue = await get<EscalatedDisputes>('/api/admin/disputes', m);
    const mine = queue.body.items.filter((d) => d.runId === run.id);
    expect(mine.map((d) => [d.user.id, d.status, d.run.title, d.run.host.id])).toEqual([
      [first.user.id, 'escalated', run.title, host.user.id],
      [second.user.id, 'escalated', run.title, host.user.id],
    ]);

    const accepted = await decideAsModerator(run, m, first, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<{ status: string }>().status).toBe('accepted');
    const rejected = await decideAsModerator(run, m, second, 'reject');
    expect(rejected.json<{ status: string }>().status).toBe('rejected');
    const [f2, s2] = await at(clock.now().getTime(), first, second);
    expect((await get<MyAttendance>(`/api/runs/${run.id}/attendance/me`, f2)).body.present).toBe(true);
    expect((await get<MyAttendance>(`/api/runs/${run.id}/attendance/me`, s2)).body.present).toBe(false);
    expect(await categories(f2)).toContain('dispute_resolved');
    const again = await decideAsModerator(run, m, first, 'reject');
    expect([again.statusCode, again.json<ErrorBody>().code]).toEqual([403, 'DISPUTE_NOT_ALLOWED']);
    const left = await get<EscalatedDisputes>('/api/admin/disputes', m);
    expect(left.body.items.filter((d) => d.runId === run.id)).toEqual([]);
    clock.offsetMs = 0;
  });

  it('a moderator decides only escalated disputes: an open one is the host’s', async () => {
    const { host, runners, run } = await setUp(1);
    const [runner] = runners as [TestUser];
    const [h] = await at(Date.parse(run.startsAt), host);
    await mark(run, h, [], [runner]);
    const [r] = await at(Date.parse(run.endsAt), runner);
    expect((await dispute(run, r)).statusCode).toBe(201);
    const [m] = await at(clock.now().getTime(), await newModerator());
    const refused = await decideAsModerator(run, m, runner, 'accept');
    expect([refused.statusCode, refused.json<ErrorBody>().code]).toEqual([403, 'DISPUTE_NOT_ALLOWED']);
    clock.offsetMs = 0;
  });
});

describe('reliability record', () => {
  it('the runner and the hosts of a run they are in; anyone else 403', async () => {
    const { host, runners, run } = await setUp(1);
    const [runner] = runners as [TestUser];
    const stranger = await newUser(t.app);
    const otherHost = await newUser(t.app);
    await newRun(t.app, otherHost);
    const url = `/api/users/${runner.user.id}/reliability`;
    expect((await get<Reliability>(url, runner)).body).toEqual({
      userId: runner.user.id,
      joined: 0,
      present: 0,
      absent: 0,
      lateCancellations: 0,
      attendanceRate: null,
    });
    expect((await get<Reliability>(url, host)).status).toBe(200);
    expect((await get<ErrorBody>(url, stranger)).status).toBe(403);
    expect((await get<ErrorBody>(url, otherHost)).status).toBe(403);
    const list = await get<RunReliability>(`/api/runs/${run.id}/reliability`, host);
    expect(list.body.items.map((i) => i.userId)).toEqual([runner.user.id]);
    expect((await get<ErrorBody>(`/api/runs/${run.id}/reliability`, runner)).status).toBe(403);
  });

  it('a rate only from 3 recorded runs; a minimum rate refuses a low one, never a newcomer', async () => {
    clock.offsetMs = 0;
    const runner = await newUser(t.app);
    const newcomer = await newUser(t.app);
    const hosts = [await newUser(t.app), await newUser(t.app), await newUser(t.app)];
    const runs: Run[] = [];
    for (const [i, host] of hosts.entries()) {
      const { startsAt, endsAt } = runBody({}, 48 + i * 4);
      runs.push(await newRun(t.app, host, { startsAt, endsAt }));
      await join(runs[i] as Run, runner);
    }
    const marks = [true, true, false];
    for (const [i, run] of runs.entries()) {
      const [h] = await at(Date.parse(run.startsAt), hosts[i] as TestUser);
      await mark(run, h, marks[i] ? [runner] : [], marks[i] ? [] : [runner]);
      if (i === 1) {
        const [r] = await at(Date.parse(run.endsAt) + HOUR, runner);
        expect((await get<Reliability>(`/api/users/${runner.user.id}/reliability`, r)).body).toMatchObject({
          present: 2,
          absent: 0,
          attendanceRate: null,
        });
      }
    }
    const last = runs[2] as Run;
    const [r] = await at(Date.parse(last.endsAt) + HOUR, runner);
    expect((await get<Reliability>(`/api/users/${runner.user.id}/reliability`, r)).body).toMatchObject({
      joined: 3,
      present: 2,
      absent: 1,
      attendanceRate: 67,
    });

    clock.offsetMs = Date.parse(last.endsAt) + HOUR - Date.now();
    const strict = await newUser(t.app);
    const [st, rr, nc] = await at(clock.now().getTime(), strict, runner, newcomer);
    const later = () => {
      const start = clock.now().getTime() + 48 * HOUR;
      return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
    };
    const demanding = await newRun(t.app, st, { ...later(), minAttendanceRate: 80 });
    expect(demanding.minAttendanceRate).toBe(80);
    const refused = await join(demanding, rr);
    expect([refused.statusCode, refused.json<ErrorBody>().code]).toEqual([403, 'ATTENDANCE_RATE_TOO_LOW']);
    expect((await join(demanding, nc)).statusCode).toBe(201);
    const lenient = await newRun(t.app, st, { ...later(), minAttendanceRate: 60 });
    expect((await join(lenient, rr)).statusCode).toBe(201);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: bearer(st),
      payload: runBody({ ...later(), minAttendanceRate: 101 }),
    });
    expect(bad.statusCode).toBe(400);
    clock.offsetMs = 0;
  });

  it('a joined runner leaving within 3 h of the start is a late cancellation; earlier, or waitlisted, is not', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const [early, onTime, waiting] = [await newUser(t.app), await newUser(t.app), await newUser(t.app)];
    const run = await newRun(t.app, host, { capacity: 3 });
    await join(run, early);
    await join(run, onTime);
    await join(run, waiting);
    const start = Date.parse(run.startsAt);
    const [e] = await at(start - 3 * HOUR - MIN, early);
    expect((await leave(run, e)).statusCode).toBe(204);
    const [o, w] = await at(start - 3 * HOUR, onTime, waiting);
    expect((await leave(run, o)).statusCode).toBe(204);
    const late = async (u: TestUser, tok: Token) =>
      (await get<Reliability>(`/api/users/${u.user.id}/reliability`, tok)).body.lateCancellations;
    expect(await late(early, e)).toBe(0);
    expect(await late(onTime, o)).toBe(1);
    void w;
    clock.offsetMs = 0;
  });
});
