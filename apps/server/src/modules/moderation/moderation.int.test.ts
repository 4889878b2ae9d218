import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type AuditPage,
  endpoints,
  type Me,
  type ModerationEntry,
  type Notification,
  type UserModerationHistory,
} from '@erun/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockForAdmin, runAdminCommand } from '../../admin/admin.ts';
import { lockDataDir } from '../../db/data-dir-lock.ts';
import { bearer, movableClock, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const clock = movableClock();
let t: TestApp;
let base: string;
let admin: TestUser;
let moderator: TestUser;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await createTestApp({ clock });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await newUser(t.app, { nickname: '관리자' });
  moderator = await newUser(t.app, { nickname: '운영자' });
  expect((await runAdminCommand(t.database, ['grant', admin.email, 'admin'], clock)).code).toBe(0);
  expect((await runAdminCommand(t.database, ['grant', moderator.email, 'moderator'], clock)).code).toBe(0);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

function act(by: TestUser, userId: string, payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/admin/users/${userId}/actions`,
    headers: bearer(by),
    payload,
  });
}

async function suspended(days = 7): Promise<TestUser> {
  const user = await newUser(t.app, { nickname: '정지러너' });
  const r = await act(moderator, user.user.id, { action: 'suspend', reason: '반복된 욕설', days });
  expect(r.statusCode).toBe(201);
  return user;
}

function me(user: TestUser) {
  return t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(user) });
}

function connect(token: string): Promise<Socket> {
  const socket = io(base, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const A = randomUUID();
const B = randomUUID();
/** Post, join or host: refused while suspended (fake ids: the gate answers before the route looks). */
const REFUSED: [string, string][] = [
  ['POST', '/api/runs'],
  ['PATCH', `/api/runs/${A}`],
  ['POST', `/api/runs/${A}/participants`],
  ['DELETE', `/api/runs/${A}/participants/${B}`],
  ['PUT', `/api/runs/${A}/participants/${B}/pace-group`],
  ['PUT', `/api/runs/${A}/attendance`],
  ['POST', `/api/runs/${A}/host-review`],
  ['POST', '/api/series'],
  ['PATCH', `/api/series/${A}`],
  ['POST', '/api/courses'],
  ['PATCH', `/api/courses/${A}`],
  ['PUT', `/api/courses/${A}/rating`],
  ['POST', `/api/runs/${A}/comments`],
  ['POST', `/api/courses/${A}/comments`],
  ['POST', `/api/announcements/${A}/comments`],
  ['POST', `/api/comments/${A}/replies`],
  ['PATCH', `/api/comments/${A}`],
  ['POST', `/api/runs/${A}/messages`],
  ['POST', `/api/crews/${A}/chat/messages`],
  ['PUT', `/api/chats/run/${A}/messages/${B}/pin`],
  ['DELETE', `/api/chats/run/${A}/messages/${B}/pin`],
  ['POST', '/api/crews'],
  ['PATCH', `/api/crews/${A}`],
  ['POST', `/api/crews/${A}/members`],
  ['PATCH', `/api/crews/${A}/members/${B}`],
  ['DELETE', `/api/crews/${A}/members/${B}`],
  ['POST', `/api/crews/${A}/invite`],
  ['POST', `/api/crews/${A}/announcements`],
  ['PATCH', `/api/announcements/${A}`],
  ['POST', `/api/crews/${A}/calendar/rotate`],
  ['POST', '/api/uploads?purpose=photo'],
  ['POST', `/api/admin/users/${A}/actions`],
  ['POST', `/api/admin/reports/${A}/actions`],
  ['POST', `/api/admin/disputes/${A}/${B}`],
  ['POST', `/api/runs/${A}/seat-offer/claim`],
  ['PATCH', `/api/runs/${A}/attendance/disputes/${B}`],
];
/** Their own settings, sessions, account, leaving, private marks and taking their content down stay open. */
const ALLOWED: [string, string][] = [
  ['DELETE', `/api/runs/${A}/participants/me`],
  ['DELETE', `/api/crews/${A}/members/me`],
  ['PATCH', '/api/me'],
  ['DELETE', '/api/me'],
  ['PUT', '/api/me/password'],
  ['PUT', '/api/me/email'],
  ['POST', '/api/me/consents'],
  ['DELETE', '/api/me/sessions'],
  ['DELETE', `/api/me/sessions/${A}`],
  ['POST', '/api/me/connections/kakao'],
  ['DELETE', '/api/me/connections/kakao'],
  ['POST', '/api/me/calendar/rotate'],
  ['PUT', '/api/me/notification-preferences'],
  ['POST', '/api/me/push-subscriptions'],
  ['DELETE', '/api/me/push-subscriptions'],
  ['POST', '/api/me/phone/verification'],
  ['POST', '/api/me/phone/verification/confirm'],
  ['DELETE', '/api/me/phone'],
  ['PUT', '/api/me/sms-consent'],
  ['POST', '/api/notifications/read'],
  ['PUT', `/api/runs/${A}/bookmark`],
  ['DELETE', `/api/runs/${A}/bookmark`],
  ['PUT', `/api/courses/${A}/bookmark`],
  ['DELETE', `/api/courses/${A}/bookmark`],
  ['POST', `/api/runs/${A}/messages/read`],
  ['POST', `/api/crews/${A}/chat/read`],
  ['PUT', `/api/chats/run/${A}/mute`],
  ['DELETE', `/api/runs/${A}`],
  ['DELETE', `/api/courses/${A}`],
  ['DELETE', `/api/comments/${A}`],
  ['DELETE', `/api/announcements/${A}`],
  ['DELETE', `/api/series/${A}`],
  ['DELETE', `/api/crews/${A}`],
  ['POST', '/api/reports'],
  ['PUT', `/api/me/blocks/${A}`],
  ['DELETE', `/api/me/blocks/${A}`],
  ['POST', '/api/me/saved-searches'],
  ['DELETE', `/api/me/saved-searches/${A}`],
  ['POST', `/api/runs/${A}/attendance/disputes`],
  ['DELETE', `/api/runs/${A}/seat-offer`],
  ['POST', '/api/auth/email-verification'],
  ['POST', '/api/auth/logout-all'],
];

describe('suspended and banned accounts read but do not post, join or host', () => {
  it('classifies every write the web app calls (a new one must be decided here)', () => {
    const template = (url: string) =>
      (url.split('?')[0] ?? '')
        .replaceAll(A, ':a')
        .replaceAll(B, ':b')
        .replace('/chats/run/', '/chats/:kind/');
    const known = new Set([...REFUSED, ...ALLOWED].map(([m, u]) => `${m} ${template(u)}`));
    const writes = Object.values(endpoints)
      .filter((e) => e.method !== 'GET')
      .map((e) => `${e.method} ${e.path.replace(/:[A-Za-z]+/g, ':x')}`);
    const normalised = new Set(
      [...known].map((k) => k.replace(/:(a|b|kind)\b/g, ':x').replace(/kakao$/, ':x')),
    );
    const unclassified = writes.filter(
      (w) => !normalised.has(w) && !w.includes(' /api/auth/') && !w.includes(' /api/admin/users/:x/role'),
    );
    expect(unclassified).toEqual([]);
  });

  it.each(REFUSED)('%s %s answers 403 ACCOUNT_SUSPENDED', async (method, url) => {
    const user = await suspended();
    const r = await t.app.inject({ method: method as 'POST', url, headers: bearer(user), payload: {} });
    expect(r.statusCode).toBe(403);
    expect(r.json<{ code: string }>().code).toBe('ACCOUNT_SUSPENDED');
  });

  it('lets the suspended user make the writes that are not posting, joining or hosting', async () => {
    const user = await suspended();
    for (const [method, url] of ALLOWED) {
      if (url === '/api/me' && method === 'DELETE') continue; // below, last
      const r = await t.app.inject({ method: method as 'POST', url, headers: bearer(user), payload: {} });
      const body = r.body ? r.json<{ code?: string }>() : {};
      expect(body.code, `${method} ${url}`).not.toBe('ACCOUNT_SUSPENDED');
      // Still signed in (not a vacuous pass): only the last call signs out.
      if (url !== '/api/auth/logout-all') expect(r.statusCode, `${method} ${url}`).not.toBe(401);
    }
  });

  it('reads, sees why on /api/me, leaves a run, and may delete the account', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host);
    const user = await newUser(t.app);
    const joined = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/participants`,
      headers: bearer(user),
    });
    expect(joined.statusCode).toBe(201);
    const r = await act(moderator, user.user.id, { action: 'suspend', reason: '노쇼 반복', days: 3 });
    expect(r.statusCode).toBe(201);

    const mine = (await me(user)).json<Me>();
    expect(mine.restriction).toMatchObject({ kind: 'suspended', reason: '노쇼 반복' });
    expect(Date.parse(mine.restriction?.until ?? '') - clock.now().getTime()).toBeGreaterThan(
      3 * 86_400_000 - 60_000,
    );
    for (const url of [`/api/runs/${run.id}`, '/api/runs', '/api/me/runs', `/api/runs/${run.id}/comments`]) {
      expect((await t.app.inject({ method: 'GET', url, headers: bearer(user) })).statusCode, url).toBe(200);
    }
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/participants`,
      headers: bearer(user),
    });
    expect(again.statusCode).toBe(403);
    const left = await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}/participants/me`,
      headers: bearer(user),
    });
    expect(left.statusCode).toBe(204);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: bearer(user),
      payload: { password: user.password },
    });
    expect(deleted.statusCode).toBe(204);
  });

  it('a suspension ends by itself: past suspended_until the user posts again', async () => {
    const user = await suspended(1);
    const post = () => newRun(t.app, user);
    await expect(post()).rejects.toThrow(/403/);
    clock.offsetMs += 86_400_000 + 60_000;
    try {
      // The old access token has expired with the move: sign in again.
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      });
      const fresh = { ...user, accessToken: login.json<{ accessToken: string }>().accessToken };
      expect((await me(fresh)).json<Me>().restriction).toBeNull();
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/runs',
        headers: bearer(fresh),
        payload: (await import('../../test/factories.ts')).runBody({}, 72),
      });
      expect(created.statusCode).toBe(201);
    } finally {
      clock.offsetMs = 0;
    }
  });

  it('a ban holds until restored; restore lifts it', async () => {
    const user = await newUser(t.app);
    expect((await act(moderator, user.user.id, { action: 'ban', reason: '사기 광고' })).statusCode).toBe(201);
    expect((await me(user)).json<Me>().restriction).toEqual({
      kind: 'banned',
      until: null,
      reason: '사기 광고',
    });
    await expect(newRun(t.app, user)).rejects.toThrow(/403/);
    expect((await act(moderator, user.user.id, { action: 'restore', reason: '소명 확인' })).statusCode).toBe(
      201,
    );
    expect((await me(user)).json<Me>().restriction).toBeNull();
    await newRun(t.app, user);
  });

  it('refuses a suspended account’s socket, and drops the live one when the suspension is applied', async () => {
    const user = await newUser(t.app);
    const live = await connect(user.accessToken);
    const dropped = new Promise<string>((resolve) => live.once('disconnect', resolve));
    expect(
      (await act(moderator, user.user.id, { action: 'suspend', reason: '도배', days: 2 })).statusCode,
    ).toBe(201);
    expect(await dropped).toBe('io server disconnect');
    await expect(connect(user.accessToken)).rejects.toThrow(/ACCOUNT_SUSPENDED/);
  });

  it('tells the user, with the reason, the action and the end', async () => {
    const user = await newUser(t.app);
    await act(moderator, user.user.id, { action: 'warn', reason: '채팅 예절을 지켜 주세요' });
    const page = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(user) });
    const notice = page
      .json<{ items: Notification[] }>()
      .items.find((n) => n.category === 'moderation_notice');
    expect(notice?.data).toEqual({
      action: 'warn',
      reason: '채팅 예절을 지켜 주세요',
      until: null,
      targetType: 'user',
    });
    // A warning restricts nothing.
    await newRun(t.app, user);
  });
});

describe('who may moderate', () => {
  it('answers 403 NOT_MODERATOR to a plain user on every admin call', async () => {
    const user = await newUser(t.app);
    const other = await newUser(t.app);
    const calls = [
      act(user, other.user.id, { action: 'warn', reason: '테스트' }),
      t.app.inject({
        method: 'POST',
        url: `/api/admin/users/${other.user.id}/role`,
        headers: bearer(user),
        payload: { role: 'moderator' },
      }),
      t.app.inject({
        method: 'GET',
        url: `/api/admin/users/${other.user.id}/history`,
        headers: bearer(user),
      }),
      t.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(user) }),
      t.app.inject({ method: 'GET', url: `/api/admin/users?email=${other.email}`, headers: bearer(user) }),
    ];
    for (const r of await Promise.all(calls)) {
      expect(r.statusCode).toBe(403);
      expect(r.json<{ code: string }>().code).toBe('NOT_MODERATOR');
    }
    const guest = await t.app.inject({ method: 'GET', url: '/api/admin/audit' });
    expect(guest.statusCode).toBe(401);
  });

  it('a moderator acts on neither an admin, another moderator, nor themself; suspend needs 1–365 days', async () => {
    expect((await act(moderator, admin.user.id, { action: 'warn', reason: '테스트' })).statusCode).toBe(403);
    expect((await act(moderator, moderator.user.id, { action: 'warn', reason: '테스트' })).statusCode).toBe(
      403,
    );
    const user = await newUser(t.app);
    for (const payload of [
      { action: 'suspend', reason: '테스트' },
      { action: 'suspend', reason: '테스트', days: 0 },
      { action: 'suspend', reason: '테스트', days: 366 },
      { action: 'warn', reason: '테스트', days: 3 },
      { action: 'warn', reason: ' ' },
      { action: 'delete', reason: '테스트' },
    ]) {
      expect((await act(moderator, user.user.id, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await act(moderator, randomUUID(), { action: 'warn', reason: '테스트' })).statusCode).toBe(404);
  });

  it('roles are an admin’s to give: a moderator gets 403, an admin grants and revokes, audited', async () => {
    const user = await newUser(t.app);
    const byModerator = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.user.id}/role`,
      headers: bearer(moderator),
      payload: { role: 'admin' },
    });
    expect(byModerator.statusCode).toBe(403);
    expect(byModerator.json<{ code: string }>().code).toBe('NOT_MODERATOR');
    const granted = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.user.id}/role`,
      headers: bearer(admin),
      payload: { role: 'moderator' },
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json<ModerationEntry>()).toMatchObject({
      action: 'grant',
      actor: { id: admin.user.id, nickname: '관리자' },
    });
    expect((await me(user)).json<Me>().role).toBe('moderator');
    const audit = await t.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(user) });
    expect(audit.statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.user.id}/role`,
      headers: bearer(admin),
      payload: { role: 'user' },
    });
    expect(revoked.json<ModerationEntry>().action).toBe('revoke');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer(user) })).statusCode,
    ).toBe(403);
  });
});

describe('history and the audit log', () => {
  it('a user’s history lists actions about them (and reports about them), newest first', async () => {
    const user = await newUser(t.app, { nickname: '기록러너' });
    const reporter = await newUser(t.app);
    await t.database.executeSql(
      `insert into reports (reporter_id, target_type, target_id, subject_id, reason, note, created_at)
       values ('${reporter.user.id}', 'user', '${user.user.id}', '${user.user.id}', 'harassment', '욕설', now())`,
    );
    await act(moderator, user.user.id, { action: 'warn', reason: '첫 경고' });
    await act(moderator, user.user.id, { action: 'suspend', reason: '두 번째', days: 30 });
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/admin/users/${user.user.id}/history`,
      headers: bearer(moderator),
    });
    expect(r.statusCode).toBe(200);
    const history = r.json<UserModerationHistory>();
    expect(history.user).toMatchObject({
      nickname: '기록러너',
      role: 'user',
      restriction: { kind: 'suspended' },
    });
    expect(history.actions.map((a) => [a.action, a.reason, a.actor?.nickname])).toEqual([
      ['suspend', '두 번째', '운영자'],
      ['warn', '첫 경고', '운영자'],
    ]);
    expect(history.reports).toEqual([
      expect.objectContaining({ reason: 'harassment', note: '욕설', status: 'open' }),
    ]);
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/admin/users?email=${encodeURIComponent(user.email.toUpperCase())}`,
      headers: bearer(moderator),
    });
    expect(found.json()).toEqual({ id: user.user.id, nickname: '기록러너' });
  });

  it('pages the audit log newest first with the actor’s nickname; its rows cannot be changed', async () => {
    const user = await newUser(t.app);
    for (const reason of ['첫째', '둘째', '셋째'])
      await act(moderator, user.user.id, { action: 'warn', reason });
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?limit=2',
      headers: bearer(admin),
    });
    const page = first.json<AuditPage>();
    expect(page.items.map((i) => i.reason)).toEqual(['셋째', '둘째']);
    expect(page.items[0]).toMatchObject({ actor: { nickname: '운영자' }, subject: { id: user.user.id } });
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/admin/audit?limit=2&cursor=${page.nextCursor}`,
      headers: bearer(admin),
    });
    expect(second.json<AuditPage>().items[0]?.reason).toBe('첫째');
    await expect(
      t.database.executeSql(
        `update moderation_actions set reason = '없던 일' where id = '${page.items[0]?.id}'`,
      ),
    ).rejects.toThrow(/append-only/);
  });
});

describe('npm run admin', () => {
  it('grants, lists and revokes by email, each written to the audit log as the command line', async () => {
    const user = await newUser(t.app, { nickname: '새운영자' });
    const granted = await runAdminCommand(t.database, ['grant', user.email, 'moderator'], clock);
    expect(granted.code).toBe(0);
    expect((await me(user)).json<Me>().role).toBe('moderator');
    const list = await runAdminCommand(t.database, ['list'], clock);
    expect(list.lines.some((l) => l.startsWith('moderator') && l.includes(user.email))).toBe(true);
    expect((await runAdminCommand(t.database, ['grant', user.email, 'moderator'], clock)).lines[0]).toMatch(
      /Already moderator/,
    );
    expect((await runAdminCommand(t.database, ['revoke', user.email], clock)).code).toBe(0);
    expect((await me(user)).json<Me>().role).toBe('user');
    const { rows } = await t.database.executeSql(
      `select action, actor_id, reason from moderation_actions where target_id = '${user.user.id}' order by created_at, action desc`,
    );
    expect(rows).toEqual([
      { action: 'grant', actor_id: null, reason: 'command line' },
      { action: 'revoke', actor_id: null, reason: 'command line' },
    ]);
  });

  it('says what is wrong: unknown account, role or command (non-zero exit)', async () => {
    expect((await runAdminCommand(t.database, ['grant', 'nobody@example.com', 'admin'], clock)).code).toBe(1);
    expect((await runAdminCommand(t.database, ['grant', admin.email, 'owner'], clock)).code).toBe(2);
    expect((await runAdminCommand(t.database, ['promote'], clock)).code).toBe(2);
  });

  it('on the embedded database, refuses while a server holds DATA_DIR — in Korean and English', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'erun-admin-'));
    const server = lockDataDir(dir, 'server');
    try {
      const { refused, lock } = lockForAdmin(undefined, dir);
      expect(lock).toBeUndefined();
      expect(refused).toMatch(/서버를 먼저 멈춘 뒤/);
      expect(refused).toMatch(/Stop the server first/);
      expect(refused).toContain(`pid ${process.pid}`);
      // On PostgreSQL there is no lock to take: servers and the command share the database.
      expect(lockForAdmin('postgres://db/erun', dir).refused).toBeUndefined();
    } finally {
      server.release();
    }
    const free = lockForAdmin(undefined, dir);
    expect(free.refused).toBeUndefined();
    free.lock?.release();
    await rm(dir, { recursive: true, force: true });
  });
});
