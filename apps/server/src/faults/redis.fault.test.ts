import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuthResponse, Run } from '@erun/contracts';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newUser, SIGNUP_CONSENTS } from '../test/factories.ts';
import {
  LogCapture,
  startPrivateRedis,
  startTcpProxy,
  until,
  within,
  type PrivateRedis,
  type TcpProxy,
} from '../test/faults.ts';
import { startServer, type ServerProcess } from '../test/processes.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

/**
 * Issue 13, findings 1 and 2: Redis is an accelerator, never a single point of failure (ADR 014). Each test has
 * its own redis-server on a free port (never the shared one), stopped, frozen behind a proxy, and brought back.
 */

/** A request that must not hang: it fails the test after 5 s instead (the command timeout is 0.5 s). */
async function timed(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; ms: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
  const text = await response.text();
  return {
    status: response.status,
    ms: performance.now() - started,
    body: text ? (JSON.parse(text) as unknown) : null,
  };
}

describe('Redis stopped under a real server process', { timeout: 120_000 }, () => {
  let redis: PrivateRedis;
  let server: ServerProcess;
  let dir = '';

  beforeAll(async () => {
    redis = await startPrivateRedis();
    dir = await mkdtemp(path.join(tmpdir(), 'erun-fault-redis-'));
    // Embedded PostgreSQL (PGlite) in a folder of its own: this test is about Redis only.
    server = await startServer('api', 'all', {
      NODE_ENV: 'test',
      DATA_DIR: dir,
      DATABASE_URL: '',
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `erun-fault:${randomUUID()}:`,
      DEMO_DATA: 'off',
      LOG_LEVEL: 'info',
      WEB_DIST_DIR: '/nonexistent',
    });
  }, 120_000);

  afterAll(async () => {
    await server?.stop(5000);
    await redis?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function post<T>(url: string, token?: string, body?: unknown) {
    return timed(`${server.url}${url}`, {
      method: 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }) as Promise<{ status: number; ms: number; body: T }>;
  }

  async function signup(nickname: string): Promise<AuthResponse> {
    const r = await post<AuthResponse>('/api/auth/signup', undefined, {
      email: `fault-${randomUUID().slice(0, 8)}@example.com`,
      password: 'run4fun!2026',
      nickname,
      consents: SIGNUP_CONSENTS,
    });
    expect(r.status).toBe(201);
    return r.body;
  }

  it('keeps serving: health fast, limits in memory, a join answered 201 and the process still alive after', async () => {
    const host = await signup('호스트');
    const runner = await signup('참가자');
    const { runBody } = await import('../test/factories.ts');
    const run = await post<Run>('/api/runs', host.accessToken, runBody());
    expect(run.status).toBe(201);
    // The host's socket: the join below is announced to it through the socket.io Redis adapter.
    const socket: Socket = io(server.url, {
      path: '/socket.io',
      auth: { token: host.accessToken },
      transports: ['websocket'],
    });
    await new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(undefined));
      socket.once('connect_error', reject);
    });

    await redis.stop();

    const health = await timed(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const ready = await timed(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    const runs = await timed(`${server.url}/api/runs`);
    expect(runs.status).toBe(200);
    const join = await post(`/api/runs/${run.body.id}/participants`, runner.accessToken);
    expect(join.status).toBe(201);
    console.info(
      `Redis stopped: health ${health.status} in ${health.ms.toFixed(0)} ms, ready ${ready.status} ${JSON.stringify(ready.body)}, ` +
        `runs ${runs.status} in ${runs.ms.toFixed(0)} ms, join ${join.status} in ${join.ms.toFixed(0)} ms`,
    );

    // The join's broadcast went to Redis and failed (logged once); the process is still there and serving.
    await until(
      'the failed fan-out to be logged (or the process to die)',
      () => server.exited() || server.output().includes('realtime fan-out through Redis failed'),
    );
    expect(server.exited(), server.output()).toBe(false);
    for (let i = 0; i < 20; i++) expect((await timed(`${server.url}/api/runs`)).status).toBe(200);
    expect(server.exited(), server.output()).toBe(false);
    expect((await timed(`${server.url}/api/health`)).status).toBe(200);
    // Logged once per outage, not per request or per reconnection attempt.
    const lines = server.output().split('\n');
    expect(lines.filter((l) => l.includes('shared rate limiter (Redis) unavailable')).length).toBe(1);
    expect(lines.filter((l) => l.includes('realtime fan-out through Redis failed')).length).toBe(1);
    expect(
      lines.filter((l) => l.includes('Redis unavailable: serving without it')).length,
    ).toBeLessThanOrEqual(2);

    // Redis back: the process uses it again, and its clients are told to fetch what they missed.
    const resynced = new Promise((resolve) => socket.once('resync', resolve));
    await redis.start();
    await until('Redis to be back', () => server.output().includes('Redis is back'));
    await within('the client to be told to fetch again', resynced);
    await until('the rate limiter to use Redis again', async () => {
      await timed(`${server.url}/api/runs`);
      return server.output().includes('rate limits shared again');
    });
    const back = await timed(`${server.url}/api/ready`);
    expect(back).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(back.body).not.toHaveProperty('degraded');
    socket.disconnect();
    expect(server.exited()).toBe(false);
  });
});

describe('Redis frozen, refused and back (through a proxy)', { timeout: 60_000 }, () => {
  let redis: PrivateRedis;
  let proxy: TcpProxy;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await proxy?.close();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('answers every request within the command timeout while Redis accepts but never answers', async () => {
    proxy = await startTcpProxy(redis.port);
    const log = new LogCapture();
    const t = await createTestApp({ redisUrl: `redis://127.0.0.1:${proxy.port}`, logStream: log });
    apps.push(t);
    const user = await newUser(t.app);
    proxy.set('freeze');
    const timeout = t.env.REDIS_COMMAND_TIMEOUT_MS;
    const durations: number[] = [];
    for (let i = 0; i < 20; i++) {
      for (const url of ['/api/health', '/api/runs', '/api/me']) {
        const started = performance.now();
        const response = await t.app.inject({ method: 'GET', url, headers: bearer(user) });
        durations.push(performance.now() - started);
        expect(response.statusCode, url).toBe(200);
      }
    }
    const slowest = Math.max(...durations);
    console.info(
      `Redis frozen: 60 requests, slowest ${slowest.toFixed(0)} ms (command timeout ${timeout} ms)`,
    );
    expect(slowest).toBeLessThan(timeout + 1000);
    expect(log.problems().filter((l) => l.msg.includes('shared rate limiter')).length).toBe(1);
    // Ready, but saying it serves without Redis: not a reason to take the instance out.
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', degraded: ['redis'] });
  });

  it('shares limits and fan-out again across processes once Redis is back', async () => {
    proxy = await startTcpProxy(redis.port);
    const url = `redis://127.0.0.1:${proxy.port}`;
    const prefix = `erun-fault:${randomUUID()}:`;
    const a = await createTestApp({ redisUrl: url, prefix });
    const b = await createTestApp({ redisUrl: url, prefix, database: a.database });
    apps.push(b, a);
    // Each test app has its own signing keys: the socket's user signs up where it connects.
    const user = await newUser(b.app);
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    const address = b.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const direct = new Redis(redis.url);
    const counter = `${prefix}rl:api-ip:127.0.0.1`;
    const socket: Socket = io(`http://127.0.0.1:${port}`, {
      path: '/socket.io',
      auth: { token: user.accessToken },
      transports: ['websocket'],
    });
    try {
      await new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(undefined));
        socket.once('connect_error', reject);
      });
      const counts: number[] = [];
      socket.on('notification:count', ({ unreadCount }: { unreadCount: number }) => counts.push(unreadCount));
      const announce = (unreadCount: number) =>
        a.services.notifications.publish([{ userId: user.user.id, latest: null, unreadCount }]);

      announce(1);
      await until('fan-out from A to a socket on B', () => counts.includes(1));

      proxy.set('refuse');
      const before = Number(await direct.get(counter));
      for (const app of [a.app, b.app])
        expect((await app.inject({ method: 'GET', url: '/api/runs' })).statusCode).toBe(200);
      expect(Number(await direct.get(counter))).toBe(before); // counted in memory meanwhile
      announce(2); // reaches sockets on A only: B's socket misses it

      const resynced = new Promise((resolve) => socket.once('resync', resolve));
      proxy.set('open');
      await until('both apps to count in Redis again', async () => {
        const start = Number(await direct.get(counter));
        await a.app.inject({ method: 'GET', url: '/api/runs' });
        await b.app.inject({ method: 'GET', url: '/api/runs' });
        return Number(await direct.get(counter)) === start + 2;
      });
      await within("B's client to be told to fetch what it missed", resynced);
      announce(3);
      await until('fan-out from A to B to resume', () => counts.includes(3));
      expect(counts).not.toContain(2);
    } finally {
      socket.disconnect();
      direct.disconnect();
    }
  });
});
