import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../admin/admin.ts';
import { bearer, newUser, type TestUser } from '../test/factories.ts';
import { logQueries } from '../test/query-log.ts';
import { createTestApp, createTwoProcesses, type TestApp } from '../test/test-app.ts';
import { testRedisUrl } from '../test/test-env.ts';

/**
 * ADR 024: `authenticate` remembers an account's status (deleted, session signed out, suspended, banned) per
 * process instead of asking the database on every request, and forgets it on every process when it changes.
 */

/** A gated write (joining a run that does not exist): 403 while suspended, 401 signed out, else the route's 404. */
function join(app: TestApp, user: TestUser) {
  return app.app.inject({
    method: 'POST',
    url: `/api/runs/${randomUUID()}/participants`,
    headers: bearer(user),
    payload: {},
  });
}

function act(app: TestApp, by: TestUser, userId: string, payload: Record<string, unknown>) {
  return app.app.inject({
    method: 'POST',
    url: `/api/admin/users/${userId}/actions`,
    headers: bearer(by),
    payload,
  });
}

async function moderatorOn(app: TestApp): Promise<TestUser> {
  const moderator = await newUser(app.app, { nickname: '운영자' });
  expect(
    (await runAdminCommand(app.database, ['grant', moderator.email, 'moderator'], { now: () => new Date() }))
      .code,
  ).toBe(0);
  return moderator;
}

/** Statements about the account's status: the session check and the suspension's read. */
function statusReads(queries: { text: string }[]): number {
  return queries.filter((q) => /auth_sessions|suspended_until/.test(q.text)).length;
}

describe('one process: the status is read once, then remembered', () => {
  let t: TestApp;
  let moderator: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    moderator = await moderatorOn(t);
  });
  afterAll(async () => t.close());

  it('asks the database for a signed-in caller’s status once, not on every request', async () => {
    const user = await newUser(t.app, { nickname: '캐시러너' });
    expect((await join(t, user)).statusCode).toBe(404);
    const log = logQueries(t.database);
    try {
      for (let i = 0; i < 3; i++) expect((await join(t, user)).statusCode).toBe(404);
    } finally {
      log.stop();
    }
    // PostgreSQL without Redis (other processes could change it unseen) remembers nothing: one read each time.
    const remembered = t.redis !== undefined || t.database.kind === 'pglite';
    expect(statusReads(log.queries)).toBe(remembered ? 0 : 6);
  });

  it('a suspension, a restore, signing out everywhere and deleting the account apply on the next request', async () => {
    const user = await newUser(t.app, { nickname: '정지될러너' });
    expect((await join(t, user)).statusCode).toBe(404);
    expect(
      (await act(t, moderator, user.user.id, { action: 'suspend', reason: '도배', days: 2 })).statusCode,
    ).toBe(201);
    expect((await join(t, user)).statusCode).toBe(403);
    expect((await act(t, moderator, user.user.id, { action: 'restore', reason: '소명' })).statusCode).toBe(
      201,
    );
    expect((await join(t, user)).statusCode).toBe(404);

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(user) });
    expect(out.statusCode).toBeLessThan(300);
    expect((await join(t, user)).statusCode).toBe(401);

    const gone = await newUser(t.app, { nickname: '떠날러너' });
    expect((await join(t, gone)).statusCode).toBe(404);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: bearer(gone),
      payload: { password: gone.password },
    });
    expect(deleted.statusCode).toBeLessThan(300);
    expect((await join(t, gone)).statusCode).toBe(401);
  });
});

/** Two API processes of one deployment (one database, one Redis): a change on A is refused on B at once. */
describe.skipIf(testRedisUrl() === undefined)('two processes sharing Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let moderator: TestUser;

  beforeAll(async () => {
    ({ a, b } = await createTwoProcesses());
    moderator = await moderatorOn(a);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** How many status reads B's request makes for the user (0: B remembers the status and trusts it). */
  async function readsOnB(user: TestUser, status = 404): Promise<number> {
    const log = logQueries(b.database);
    try {
      expect((await join(b, user)).statusCode).toBe(status);
    } finally {
      log.stop();
    }
    return statusReads(log.queries);
  }

  /** A user whose status B has read and remembers (once B's subscriber has subscribed). */
  async function knownOnB(nickname: string): Promise<TestUser> {
    const user = await newUser(a.app, { nickname });
    await expect.poll(() => readsOnB(user), { timeout: 10_000 }).toBe(0);
    return user;
  }

  it('a suspension on A is refused on B on the very next request, and a restore lets the user in again', async () => {
    const user = await knownOnB('정지러너');
    expect(
      (await act(a, moderator, user.user.id, { action: 'suspend', reason: '도배', days: 2 })).statusCode,
    ).toBe(201);
    const refused = await join(b, user);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'ACCOUNT_SUSPENDED' });
    expect((await act(a, moderator, user.user.id, { action: 'restore', reason: '소명' })).statusCode).toBe(
      201,
    );
    expect((await join(b, user)).statusCode).toBe(404);
  });

  it('signing out everywhere, one session’s logout and deleting the account on A are refused on B at once', async () => {
    const everywhere = await knownOnB('모두로그아웃');
    await a.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(everywhere) });
    expect((await join(b, everywhere)).statusCode).toBe(401);

    const device = await knownOnB('로그아웃러너');
    const out = await a.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: device.cookie },
      payload: {},
    });
    expect(out.statusCode).toBe(204);
    expect((await join(b, device)).statusCode).toBe(401);

    const gone = await knownOnB('탈퇴러너');
    const deleted = await a.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: bearer(gone),
      payload: { password: gone.password },
    });
    expect(deleted.statusCode).toBeLessThan(300);
    expect((await join(b, gone)).statusCode).toBe(401);
  });

  it('with B’s subscriber down, B asks the database (and still refuses), and trusts again once it is back', async () => {
    const user = await knownOnB('구독끊김');
    const sub = b.redis?.sub;
    if (!sub) throw new Error('B has no subscriber');
    // The connection drops (as in a Redis restart): ioredis reconnects and subscribes again by itself.
    sub.stream.destroy();
    await expect.poll(() => sub.status).not.toBe('ready');
    expect(
      (await act(a, moderator, user.user.id, { action: 'suspend', reason: '도배', days: 2 })).statusCode,
    ).toBe(201);
    expect(await readsOnB(user, 403)).toBeGreaterThan(0);

    // Back: what B knew before is not trusted (it may have missed changes); it reads, then remembers again.
    await expect.poll(() => sub.status, { timeout: 10_000 }).toBe('ready');
    await expect.poll(() => readsOnB(user, 403), { timeout: 10_000 }).toBe(0);
    expect((await act(a, moderator, user.user.id, { action: 'restore', reason: '소명' })).statusCode).toBe(
      201,
    );
    expect((await join(b, user)).statusCode).toBe(404);
  });
});
