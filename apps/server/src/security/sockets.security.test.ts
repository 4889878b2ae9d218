import { randomUUID } from 'node:crypto';
import type { AuthResponse, RealtimeAck, Run } from '@erun/contracts';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ROOMS_PER_SOCKET } from '../http/realtime.ts';
import { bearer, newRun, newUser, type TestUser, deleteAccount } from '../test/factories.ts';
import { createTestApp, type TestApp, type TestAppOptions } from '../test/test-app.ts';
import { crewRows } from '../test/crew-fixtures.ts';

const opened: Socket[] = [];
const apps: TestApp[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) s.disconnect();
  for (const a of apps.splice(0).reverse()) await a.close();
});

/** A listening app (closed after the test) and its URL. */
async function start(options: TestAppOptions = {}): Promise<{ t: TestApp; url: string }> {
  const t = await createTestApp(options);
  apps.push(t);
  return { t, url: await t.app.listen({ port: 0, host: '127.0.0.1' }) };
}

function connect(url: string, token: string): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  opened.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function ask(socket: Socket, event: string, payload: unknown): Promise<RealtimeAck> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<RealtimeAck>;
}

const refused = (code: string) => ({ error: { code, message: expect.any(String) as unknown } });

function disconnected(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', resolve));
}

/** Counts the calls of a service method and the most of them running at once (the app is the test's own). */
function watchCalls(service: object, method: string) {
  const methods = service as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = (methods[method] as (...args: unknown[]) => Promise<unknown>).bind(service);
  const seen = { calls: 0, inFlight: 0, mostInFlight: 0 };
  methods[method] = async (...args: unknown[]) => {
    seen.calls += 1;
    seen.mostInFlight = Math.max(seen.mostInFlight, ++seen.inFlight);
    try {
      return await original(...args);
    } finally {
      seen.inFlight -= 1;
    }
  };
  return seen;
}

/** The user's access token on another app (each test app signs with its own key). */
async function tokenOn(app: FastifyInstance, user: TestUser): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
  });
  return response.json<AuthResponse>().accessToken;
}

describe('socket floods', () => {
  it('a flood of chat:join from one socket is refused past its allowance, one check at a time, then cut off', async () => {
    const { t, url } = await start({ env: { RATE_LIMIT_SOCKET_EVENTS: '20/1h' } });
    const user = await newUser(t.app);
    const socket = await connect(url, user.accessToken);
    const checks = watchCalls(t.services.chat, 'isMember');
    const answers: RealtimeAck[] = [];
    const cut = disconnected(socket);

    for (let i = 0; i < 2000; i++)
      socket.emit('chat:join', { runId: randomUUID() }, (a: RealtimeAck) => answers.push(a));

    expect(await cut).toBe('io server disconnect');
    expect(answers).toContainEqual(refused('RATE_LIMITED'));
    expect(checks.calls).toBeLessThanOrEqual(20);
    expect(checks.mostInFlight).toBeLessThanOrEqual(1);
    // The rest of the server never noticed.
    const guest = await t.app.inject({ method: 'GET', url: '/api/runs' });
    expect(guest.statusCode).toBe(200);
  });

  it('run:watch of unknown ids: each checked once against the database, within the allowance', async () => {
    const { t, url } = await start({ env: { RATE_LIMIT_SOCKET_EVENTS: '20/1h' } });
    const user = await newUser(t.app);
    const socket = await connect(url, user.accessToken);
    const checks = watchCalls(t.services.runs, 'exists');
    const cut = disconnected(socket);
    for (let i = 0; i < 2000; i++) socket.emit('run:watch', randomUUID());
    expect(await cut).toBe('io server disconnect');
    expect(checks.calls).toBeLessThanOrEqual(20);
    expect(checks.mostInFlight).toBeLessThanOrEqual(1);
  });

  it('joins sent at once are checked one after the other, each answered', async () => {
    const { t, url } = await start();
    const user = await newUser(t.app);
    const socket = await connect(url, user.accessToken);
    const checks = watchCalls(t.services.chat, 'isMember');
    const ids = Array.from({ length: 6 }, () => randomUUID());
    const answers = await Promise.all(ids.map((runId) => ask(socket, 'chat:join', { runId })));
    expect(answers).toEqual(ids.map(() => refused('RUN_NOT_FOUND')));
    expect(checks.calls).toBe(ids.length);
    expect(checks.mostInFlight).toBe(1);
  });

  it('a run that does not exist is refused with RUN_NOT_FOUND; a cancelled one may still be watched', async () => {
    const { t, url } = await start();
    const host = await newUser(t.app);
    const socket = await connect(url, host.accessToken);
    expect(await ask(socket, 'run:watch', randomUUID())).toEqual(refused('RUN_NOT_FOUND'));
    const run = await newRun(t.app, host);
    expect(await ask(socket, 'run:watch', run.id)).toEqual({ ok: true });
    await t.app.inject({ method: 'DELETE', url: `/api/runs/${run.id}`, headers: bearer(host) });
    expect(await ask(socket, 'run:unwatch', run.id)).toEqual({ ok: true });
    expect(await ask(socket, 'run:watch', run.id)).toEqual({ ok: true });
  });

  it('every payload is checked with its contract schema; events without an ack crash nothing', async () => {
    const { t, url } = await start();
    const user = await newUser(t.app);
    const socket = await connect(url, user.accessToken);
    for (const payload of [undefined, null, 42, 'not-a-uuid', { runId: randomUUID() }, ['x']]) {
      expect(await ask(socket, 'run:watch', payload)).toEqual(refused('VALIDATION_FAILED'));
      expect(await ask(socket, 'run:unwatch', payload)).toEqual(refused('VALIDATION_FAILED'));
    }
    for (const payload of [undefined, 'x', randomUUID(), { runId: 'x' }, { runId: 7 }]) {
      expect(await ask(socket, 'chat:join', payload)).toEqual(refused('VALIDATION_FAILED'));
      expect(await ask(socket, 'chat:leave', payload)).toEqual(refused('VALIDATION_FAILED'));
    }
    // No ack callback: refused, found or not, the server answers nobody and goes on.
    socket.emit('run:watch', 'not-a-uuid');
    socket.emit('run:watch', randomUUID());
    socket.emit('chat:join', { runId: randomUUID() });
    socket.emit('chat:join');
    socket.emit('no:such-event', { anything: true });
    expect(await ask(socket, 'run:watch', randomUUID())).toEqual(refused('RUN_NOT_FOUND'));
    expect(socket.connected).toBe(true);
  });

  it(`one socket watches at most ${MAX_ROOMS_PER_SOCKET} rooms; the next is refused until one is left`, async () => {
    const { t, url } = await start();
    const hosts = [await newUser(t.app), await newUser(t.app), await newUser(t.app)];
    const runs: Run[] = [];
    for (let i = 0; i <= MAX_ROOMS_PER_SOCKET; i++) runs.push(await newRun(t.app, hosts[i % 3] as TestUser));
    const viewer = await newUser(t.app);
    const socket = await connect(url, viewer.accessToken);
    const [first, ...others] = runs as [Run, ...Run[]];
    const last = others.pop() as Run;
    for (const run of [first, ...others])
      expect(await ask(socket, 'run:watch', run.id)).toEqual({ ok: true });

    expect(await ask(socket, 'run:watch', last.id)).toEqual(refused('TOO_MANY_ROOMS'));
    // Asking again for a room it is in costs nothing and is not refused.
    expect(await ask(socket, 'run:watch', first.id)).toEqual({ ok: true });
    expect(await ask(socket, 'run:unwatch', first.id)).toEqual({ ok: true });
    expect(await ask(socket, 'run:watch', last.id)).toEqual({ ok: true });
  });
});

describe('socket handshakes and sessions', () => {
  it("a deleted account's still unexpired access token opens no socket", async () => {
    const { t, url } = await start();
    const user = await newUser(t.app);
    const deleted = await deleteAccount(t.app, user);
    expect(deleted.statusCode).toBe(204);
    await expect(connect(url, user.accessToken)).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it("deleting the account disconnects the user's open socket, which cannot come back", async () => {
    const { t, url } = await start();
    const user = await newUser(t.app);
    const socket = await connect(url, user.accessToken);
    const cut = disconnected(socket);
    const deleted = await deleteAccount(t.app, user);
    expect(deleted.statusCode).toBe(204);
    expect(await cut).toBe('io server disconnect');
    await expect(connect(url, user.accessToken)).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it("logging out everywhere disconnects the user's sockets, and only theirs", async () => {
    const { t, url } = await start();
    const user = await newUser(t.app);
    const other = await newUser(t.app);
    const tabs = [await connect(url, user.accessToken), await connect(url, user.accessToken)];
    const bystander = await connect(url, other.accessToken);
    const cuts = tabs.map(disconnected);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(user) });
    expect(out.statusCode).toBe(204);
    expect(await Promise.all(cuts)).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await ask(bystander, 'run:watch', randomUUID())).toEqual(refused('RUN_NOT_FOUND'));
  });

  it('signing a device out drops its socket and refuses its token; the device still signed in comes back', async () => {
    const { t, url } = await start();
    const user = await newUser(t.app);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const phone = login.json<AuthResponse>();
    const socket = await connect(url, user.accessToken);
    const cut = disconnected(socket);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/me/sessions', headers: bearer(phone) });
    expect(out.statusCode).toBe(204);
    expect(await cut).toBe('io server disconnect');
    await expect(connect(url, user.accessToken)).rejects.toThrow(/UNAUTHENTICATED/);
    (await connect(url, phone.accessToken)).disconnect();
  });

  it("the user's events are limited across all their sockets (handshakes count too)", async () => {
    const { t, url } = await start({ env: { RATE_LIMIT_SOCKET_USER: '10/1h' } });
    const user = await newUser(t.app);
    const sockets = [await connect(url, user.accessToken), await connect(url, user.accessToken)];
    const answers: RealtimeAck[] = [];
    for (let i = 0; i < 12; i++) answers.push(await ask(sockets[i % 2] as Socket, 'run:watch', randomUUID()));
    // 10 for the hour: 2 handshakes, then 8 events reach the database.
    expect(answers.filter((a) => 'error' in a && a.error.code === 'RUN_NOT_FOUND')).toHaveLength(8);
    expect(answers.slice(8)).toEqual(Array.from({ length: 4 }, () => refused('RATE_LIMITED')));
    await expect(connect(url, user.accessToken)).rejects.toThrow(/RATE_LIMITED/);
  });
});

// Across processes needs the Redis adapter (and the Redis rate limiter): PostgreSQL + Redis run only.
if (process.env.TEST_REDIS_URL)
  describe('sockets across two API processes', () => {
    it('deleting the account on A disconnects the socket held by B; B refuses its handshake', async () => {
      const { t: a } = await start();
      const { url: urlB } = await start({ database: a.database, prefix: a.prefix });
      const b = apps[1] as TestApp;
      const user = await newUser(a.app);
      const tokenB = await tokenOn(b.app, user);
      const onB = await connect(urlB, tokenB);
      const cut = disconnected(onB);
      const deleted = await deleteAccount(a.app, user);
      expect(deleted.statusCode).toBe(204);
      expect(await cut).toBe('io server disconnect');
      await expect(connect(urlB, tokenB)).rejects.toThrow(/UNAUTHENTICATED/);
    });

    it("logging out everywhere on A disconnects the user's socket on B", async () => {
      const { t: a } = await start();
      const { url: urlB } = await start({ database: a.database, prefix: a.prefix });
      const b = apps[1] as TestApp;
      const user = await newUser(a.app);
      const onB = await connect(urlB, await tokenOn(b.app, user));
      const cut = disconnected(onB);
      await a.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(user) });
      expect(await cut).toBe('io server disconnect');
    });

    it("one user's event limit holds across processes", async () => {
      const env = { RATE_LIMIT_SOCKET_USER: '6/1h' };
      const { t: a, url: urlA } = await start({ env });
      const { url: urlB } = await start({ env, database: a.database, prefix: a.prefix });
      const b = apps[1] as TestApp;
      const user = await newUser(a.app);
      const sockets = [
        await connect(urlA, user.accessToken),
        await connect(urlB, await tokenOn(b.app, user)),
      ];
      const answers: RealtimeAck[] = [];
      for (let i = 0; i < 6; i++)
        answers.push(await ask(sockets[i % 2] as Socket, 'run:watch', randomUUID()));
      // 6 for the hour on both together: 2 handshakes and 4 events.
      expect(answers.slice(0, 4)).toEqual(Array.from({ length: 4 }, () => refused('RUN_NOT_FOUND')));
      expect(answers.slice(4)).toEqual([refused('RATE_LIMITED'), refused('RATE_LIMITED')]);
    });
  });

describe('watching a members-only run', () => {
  it("is refused to whoever may not see its page, as if it did not exist; its crew's members and runners watch", async () => {
    const { t, url } = await start();
    const [owner, staff, member, outsider, coHost] = (await Promise.all(
      Array.from({ length: 5 }, () => newUser(t.app)),
    )) as [TestUser, TestUser, TestUser, TestUser, TestUser];
    const crewId = (await crewRows(t, owner, { staff: [staff], members: [member] })).id;
    const secret = await newRun(t.app, staff, { crewId, visibility: 'crew', coHostIds: [coHost.user.id] });
    const open = await newRun(t.app, staff, { crewId });
    const outsiderSocket = await connect(url, outsider.accessToken);
    // The same answer as for a run that does not exist: whether it does is not told.
    expect(await ask(outsiderSocket, 'run:watch', secret.id)).toEqual(refused('RUN_NOT_FOUND'));
    expect(await ask(outsiderSocket, 'run:watch', randomUUID())).toEqual(refused('RUN_NOT_FOUND'));
    expect(await ask(outsiderSocket, 'run:watch', open.id)).toEqual({ ok: true });
    for (const who of [owner, staff, member, coHost]) {
      const socket = await connect(url, who.accessToken);
      expect(await ask(socket, 'run:watch', secret.id)).toEqual({ ok: true });
    }
    // Cancelled, it is still no one else's to watch.
    await t.app.inject({ method: 'DELETE', url: `/api/runs/${secret.id}`, headers: bearer(staff) });
    expect(await ask(outsiderSocket, 'run:watch', secret.id)).toEqual(refused('RUN_NOT_FOUND'));
    const memberSocket = await connect(url, member.accessToken);
    expect(await ask(memberSocket, 'run:watch', secret.id)).toEqual({ ok: true });
  });
});
