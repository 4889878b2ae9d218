import type { ErrorBody, JoinResult, Run } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, newUsers, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let host: TestUser;
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };

beforeAll(async () => {
  t = await createTestApp({ clock });
  host = await newUser(t.app, { nickname: '크루장' });
});
afterAll(() => t.close());

const join = (runId: string, who: { accessToken: string }) =>
  t.app.inject({ method: 'POST', url: `/api/runs/${runId}/participants`, headers: bearer(who) });
const leave = (runId: string, who: { accessToken: string }) =>
  t.app.inject({ method: 'DELETE', url: `/api/runs/${runId}/participants/me`, headers: bearer(who) });
const view = async (runId: string, who?: { accessToken: string }) =>
  (
    await t.app.inject({ method: 'GET', url: `/api/runs/${runId}`, headers: who ? bearer(who) : {} })
  ).json<Run>();
const users = (n: number) => newUsers(t.app, n);
/**
 * Joins, and tries again after a 503, as a runner told "retry shortly" would: 100 joins at once on one run wait
 * for its row in turn, and on a busy 2-core CI machine the last ones may wait longer for a pooled connection
 * than the pool allows (5 s), which answers 503 (Retry-After) with nothing written. Any other answer is kept.
 */
async function joinAsAClientWould(runId: string, who: { accessToken: string }) {
  for (let attempt = 1; ; attempt += 1) {
    const response = await join(runId, who);
    if (response.statusCode !== 503 || attempt === 5) return response;
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

async function notificationsOf(userId: string): Promise<string[]> {
  const result = await t.database.executeSql(
    'select category from notifications where user_id = $1 order by created_at',
    [userId],
  );
  return (result.rows as { category: string }[]).map((r) => r.category);
}

describe('joining', () => {
  it('joins while seats are free, then waitlists in order, and leaving promotes the first in line', async () => {
    const run = await newRun(t.app, host, { capacity: 2 });
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    expect((await join(run.id, a)).json<JoinResult>()).toEqual({ status: 'joined' });
    expect((await join(run.id, b)).json<JoinResult>()).toEqual({ status: 'waitlisted', position: 1 });
    expect((await join(run.id, c)).json<JoinResult>()).toEqual({ status: 'waitlisted', position: 2 });
    expect(await view(run.id, c)).toMatchObject({
      myStatus: 'waitlisted',
      waitlistPosition: 2,
      joinState: 'full',
    });

    expect((await leave(run.id, a)).statusCode).toBe(204);
    expect(await view(run.id, b)).toMatchObject({
      myStatus: 'joined',
      participantCount: 2,
      waitlistCount: 1,
    });
    expect(await view(run.id, c)).toMatchObject({ myStatus: 'waitlisted', waitlistPosition: 1 });
    expect(await notificationsOf(b.user.id)).toEqual(['waitlist_promoted']);

    expect((await leave(run.id, c)).statusCode).toBe(204);
    expect(await view(run.id)).toMatchObject({ participantCount: 2, waitlistCount: 0 });
  });

  it('refuses joining twice (409 ALREADY_JOINED), the host (409), a guest (401), an unknown run (404)', async () => {
    const run = await newRun(t.app, host);
    const [a] = await users(1);
    if (!a) throw new Error('users');
    await join(run.id, a);
    const again = await join(run.id, a);
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().code).toBe('ALREADY_JOINED');
    expect((await join(run.id, host)).json<ErrorBody>().code).toBe('ALREADY_JOINED');
    expect((await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants` })).statusCode).toBe(
      401,
    );
    expect((await join('00000000-0000-4000-8000-000000000000', a)).statusCode).toBe(404);
  });

  it('closes joining at the deadline (409 JOIN_CLOSED) and leaving at the start (409 RUN_STARTED)', async () => {
    const run = await newRun(t.app, host);
    const [a, b] = await users(2);
    if (!a || !b) throw new Error('users');
    await join(run.id, a);
    // Access tokens live 15 minutes: sign in again at each moment the clock jumps to.
    const signIn = async (u: TestUser) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: u.email, password: u.password },
        })
      ).json<{
        accessToken: string;
      }>();
    clock.offsetMs = Date.parse(run.joinDeadline) - Date.now() + 1000;
    try {
      const late = await join(run.id, await signIn(b));
      expect(late.statusCode).toBe(409);
      expect(late.json<ErrorBody>().code).toBe('JOIN_CLOSED');
      expect((await view(run.id)).joinState).toBe('closed');
      clock.offsetMs = Date.parse(run.startsAt) - Date.now() + 1000;
      const left = await leave(run.id, await signIn(a));
      expect(left.statusCode).toBe(409);
      expect(left.json<ErrorBody>().code).toBe('RUN_STARTED');
      const edit = await t.app.inject({
        method: 'PATCH',
        url: `/api/runs/${run.id}`,
        headers: bearer(await signIn(host)),
        payload: { title: '늦은 수정' },
      });
      expect(edit.json<ErrorBody>().code).toBe('RUN_STARTED');
    } finally {
      clock.offsetMs = 0;
    }
  });

  it('leaving a run one is not in answers 404 NOT_JOINED; the host cannot leave (409)', async () => {
    const run = await newRun(t.app, host);
    const [a] = await users(1);
    if (!a) throw new Error('users');
    const response = await leave(run.id, a);
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorBody>().code).toBe('NOT_JOINED');
    expect((await leave(run.id, host)).json<ErrorBody>().code).toBe('HOST_CANNOT_LEAVE');
  });

  it('raising the capacity lets the waitlist in; lowering it below the participants is refused', async () => {
    const run = await newRun(t.app, host, { capacity: 2 });
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    for (const u of [a, b, c]) await join(run.id, u);
    const raised = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: { capacity: 3 },
    });
    expect(raised.json<Run>()).toMatchObject({ capacity: 3, participantCount: 3, waitlistCount: 1 });
    expect((await view(run.id, b)).myStatus).toBe('joined');
    expect(await notificationsOf(b.user.id)).toEqual(['waitlist_promoted']);
    const lowered = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: { capacity: 2 },
    });
    expect(lowered.statusCode).toBe(409);
    expect(lowered.json<ErrorBody>().code).toBe('CAPACITY_BELOW_PARTICIPANTS');
  });
});

describe('removal by the host', () => {
  it('removes with a reason, tells the runner, promotes the waitlist, and the runner cannot rejoin', async () => {
    const run = await newRun(t.app, host, { capacity: 2 });
    const [a, b] = await users(2);
    if (!a || !b) throw new Error('users');
    await join(run.id, a);
    await join(run.id, b);
    const url = `/api/runs/${run.id}/participants/${a.user.id}`;
    const byRunner = await t.app.inject({
      method: 'DELETE',
      url,
      headers: bearer(b),
      payload: { reason: '장난' },
    });
    expect(byRunner.statusCode).toBe(403);
    const noReason = await t.app.inject({
      method: 'DELETE',
      url,
      headers: bearer(host),
      payload: { reason: ' ' },
    });
    expect(noReason.statusCode).toBe(400);
    const removed = await t.app.inject({
      method: 'DELETE',
      url,
      headers: bearer(host),
      payload: { reason: '연락이 되지 않아요' },
    });
    expect(removed.statusCode).toBe(204);
    expect(await notificationsOf(a.user.id)).toEqual(['run_removed']);
    expect((await view(run.id, b)).myStatus).toBe('joined');
    expect((await join(run.id, a)).json<ErrorBody>().code).toBe('REMOVED_BY_HOST');
    // The run page tells the removed runner so, instead of offering a join the server refuses.
    expect(await view(run.id, a)).toMatchObject({ myStatus: null, removedByHost: true });
    expect(await view(run.id, b)).toMatchObject({ myStatus: 'joined', removedByHost: false });
    expect((await view(run.id)).removedByHost).toBe(false);
    expect((await view(run.id)).participants.map((p) => p.id)).toEqual([host.user.id, b.user.id]);
  });
});

describe('never oversold', () => {
  it('100 runners joining a 10-seat run at the same moment: exactly 9 join, 91 wait, positions 1–91', async () => {
    const run = await newRun(t.app, host, { capacity: 10 });
    const runners = await users(100);
    const results = await Promise.all(runners.map((r) => joinAsAClientWould(run.id, r)));
    expect(results.filter((r) => r.statusCode !== 201).map((r) => `${r.statusCode} ${r.body}`)).toEqual([]);
    const bodies = results.map((r) => r.json<JoinResult>());
    expect(bodies.filter((b) => b.status === 'joined')).toHaveLength(9);
    const positions = bodies
      .flatMap((b) => (b.status === 'waitlisted' ? [b.position] : []))
      .sort((x, y) => x - y);
    expect(positions).toEqual(Array.from({ length: 91 }, (_, i) => i + 1));
    expect(await view(run.id)).toMatchObject({ participantCount: 10, waitlistCount: 91, joinState: 'full' });
    const rows = await t.database.executeSql(
      `select status, count(*)::int as n from run_participants where run_id = $1 group by status order by status`,
      [run.id],
    );
    expect(rows.rows).toEqual([
      { status: 'joined', n: 10 },
      { status: 'waitlisted', n: 91 },
    ]);
  });

  it('one runner double-clicking join: one participation, one 409', async () => {
    const run = await newRun(t.app, host);
    const [a] = await users(1);
    if (!a) throw new Error('users');
    const results = await Promise.all([join(run.id, a), join(run.id, a), join(run.id, a)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await view(run.id)).participantCount).toBe(2);
  });
});
