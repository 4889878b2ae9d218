import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AuthResponse, Run } from '@erun/contracts';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runBody, SIGNUP_CONSENTS } from './factories.ts';
import { startPrivateRedis, until, type PrivateRedis } from './faults.ts';
import { startNginx, type RunningNginx } from './nginx.ts';
import {
  freePort,
  repoRoot,
  spawnServer,
  startServer,
  waitUntilReady,
  type ServerProcess,
} from './processes.ts';
import { testDatabaseUrl, withDatabase } from './test-env.ts';

/**
 * Issue 13, "a real balancer": Debian's nginx with deploy/nginx.conf in front of two `--role=api` processes and a
 * worker on PostgreSQL and a private Redis, 20 signed-in users writing (comments, joins, leaves) and reading
 * through it, one socket.io client connected through its WebSocket upgrade. deploy/rolling-restart.sh restarts API
 * 1 and then API 2 (SIGTERM, wait for the exit, start, wait for /api/ready 200, wait out nginx's fail_timeout). Before: 1–3 `502`s per restart. Now: no request fails, every acknowledged write is in the
 * database, and the socket comes back. (Later, about 1 POST in 4,400 still got a 502: nginx had written it on a
 * pooled keep-alive connection just as the draining API closed that idle connection; src/http/drain.ts.)
 *
 * Always on PostgreSQL (TEST_DATABASE_URL, a database of its own; the PGlite pass has no server two processes
 * could share), with a Redis of its own, so `npm run test:faults` runs it the same with or without TEST_DB.
 */

/** rolling-restart.sh's wait after an instance is ready: above nginx's fail_timeout in deploy/nginx.conf. */
const SETTLE_SECONDS = 6;
/** Each user's pause between two requests: 20 users, roughly 150 requests/s in all. */
const THINK_MS = 100;

interface User extends AuthResponse {
  email: string;
}

interface Outcome {
  at: number;
  what: string;
  status: number;
  /** The network error when there was no response, else the start of an error's body. */
  error?: string;
}

describe('rolling restart behind nginx under load', { timeout: 240_000 }, () => {
  const dbName = `erun_nginx_${inject('runId')}_${process.pid}`;
  let dir = '';
  let webRoot = '';
  let redis: PrivateRedis | undefined;
  let admin: pg.Client | undefined;
  let sql: pg.Client | undefined;
  let nginx: RunningNginx | undefined;
  let env: Record<string, string> = {};
  let apiPorts: [number, number] = [0, 0];
  const apis: ServerProcess[] = [];
  const processes: ServerProcess[] = [];
  const sockets: Socket[] = [];

  async function startApi(index: 0 | 1): Promise<ServerProcess> {
    const proc = await startServer(`api-${index + 1}`, 'api', env, [], { port: apiPorts[index] });
    processes.push(proc);
    apis[index] = proc;
    return proc;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'erun-nginx-'));
    // nginx's workers (user nobody when started as root) read the web app and write their temporary files here.
    await chmod(dir, 0o755);
    webRoot = await fakeWebBuild(dir);
    redis = await startPrivateRedis();
    admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    // On the PostgreSQL pass, a copy of the migrated template; otherwise empty, and the first process migrates.
    const template = inject('pgTemplate');
    await admin.query(`create database "${dbName}"${template ? ` template "${template}"` : ''}`);
    const url = withDatabase(testDatabaseUrl(), dbName);
    sql = new pg.Client({ connectionString: url });
    await sql.connect();
    apiPorts = [await freePort(), await freePort()];
    env = {
      NODE_ENV: 'test',
      DATABASE_URL: url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `erun-test:${inject('runId')}:nginx:`,
      DEMO_DATA: 'off',
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: webRoot,
      // nginx on this host is the only hop: request.ip is the address it puts in X-Forwarded-For.
      TRUST_PROXY: 'loopback',
      // Production's: above deploy/nginx.conf's upstream keepalive_timeout (4 s), so that by the end of the drain
      // nginx has itself closed every pooled connection it did not use (the API never closes an idle one).
      SHUTDOWN_DRAIN_SECONDS: '5',
      SHUTDOWN_TIMEOUT_SECONDS: '30',
      DATA_DIR: path.join(dir, 'data'),
    };
    // The first start migrates and creates the shared secrets; the others then start side by side.
    await startApi(0);
    const [, worker] = await Promise.all([startApi(1), startServer('worker', 'worker', env)]);
    processes.push(worker);
    nginx = await startNginx({ apiPorts, port: await freePort(), webRoot, dir: path.join(dir, 'nginx') });
  }, 180_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await nginx?.stop();
    await Promise.all(processes.map((p) => p.stop(5000)));
    await sql?.end().catch(() => undefined);
    if (admin) {
      await admin.query(`drop database if exists "${dbName}" with (force)`).catch(() => undefined);
      await admin.end().catch(() => undefined);
    }
    await redis?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  const outcomes: Outcome[] = [];

  /** A request through nginx; every one is recorded (a network error as status 0). */
  async function call<T>(
    what: string,
    method: string,
    url: string,
    token?: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const at = Date.now();
    try {
      const response = await fetch(`${nginx?.url}${url}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      outcomes.push({
        at,
        what,
        status: response.status,
        ...(response.ok ? {} : { error: text.slice(0, 200) }),
      });
      const json: unknown =
        response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text;
      return { status: response.status, body: json as T };
    } catch (error) {
      outcomes.push({ at, what, status: 0, error: String((error as Error).cause ?? error) });
      return { status: 0, body: undefined as T };
    }
  }

  async function signup(nickname: string): Promise<User> {
    const email = `ng-${randomUUID().slice(0, 8)}@example.com`;
    const r = await call<AuthResponse>('signup', 'POST', '/api/auth/signup', undefined, {
      email,
      password: 'run4fun!2026',
      nickname,
      consents: SIGNUP_CONSENTS,
    });
    if (r.status !== 201) throw new Error(`signup: ${r.status} ${JSON.stringify(r.body)}`);
    return { ...r.body, email };
  }

  /**
   * Runs deploy/rolling-restart.sh on `ports`. Its restart command (systemctl in production) is a request to a
   * little server of the test's own, which does what `systemctl restart erun-api@<port>` does: SIGTERM, wait for
   * the exit, start again on the same port, answer once started (not ready: the script waits for that).
   */
  async function rollingRestart(ports: number[]) {
    const restarts: { name: string; exitCode: number | null; ms: number }[] = [];
    /** When each restart stopped, exited, started and was ready: placed next to a failed request's time. */
    const timeline: string[] = [];
    const mark = (what: string) => timeline.push(`${Date.now()} ${what}`);
    const control = createServer((request, response) => {
      const port = Number(request.url?.split('/').at(-1));
      const index = apiPorts.indexOf(port);
      const old = apis[index];
      if ((index !== 0 && index !== 1) || !old) return response.writeHead(404).end();
      const t0 = Date.now();
      void (async () => {
        mark(`${old.name}: SIGTERM`);
        await old.stop(60_000);
        mark(`${old.name}: exited`);
        const proc = await spawnServer(old.name, 'api', env, [], { port });
        mark(`${old.name}: started again`);
        processes.push(proc);
        apis[index] = proc;
        response.writeHead(200).end();
        await waitUntilReady(proc);
        mark(`${old.name}: ready`);
        restarts.push({ name: old.name, exitCode: await old.exit, ms: Date.now() - t0 });
      })().catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500).end(String(error));
      });
    });
    const controlPort = await freePort();
    await new Promise<void>((resolve) => control.listen(controlPort, '127.0.0.1', resolve));
    try {
      const child = spawn('bash', [path.join(repoRoot, 'deploy/rolling-restart.sh'), ...ports.map(String)], {
        env: {
          ...process.env,
          UNIT: `http://127.0.0.1:${controlPort}/restart/%s`,
          RESTART_COMMAND: 'curl -fsS -X POST',
          SETTLE_SECONDS: String(SETTLE_SECONDS),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      return { exitCode, output, restarts, timeline };
    } finally {
      await new Promise((resolve) => control.close(resolve));
    }
  }

  it('serves the web app from disk and the pages from the API, as deploy/nginx.conf says', async () => {
    const host = await signup('정적호스트');
    const run = await call<Run>('create run', 'POST', '/api/runs', host.accessToken, runBody());
    expect(run.status).toBe(201);
    const base = nginx?.url ?? '';

    // A fingerprinted asset: from disk, precompressed, cached for ever.
    const asset = await fetch(`${base}/assets/app-3f9a1c.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toContain('console.log');
    expect((await fetch(`${base}/assets/missing-000000.js`)).status).toBe(404);

    // Pages come from the API: its security headers, the share preview of a run, 404 for an unknown one.
    const page = await fetch(`${base}/runs/${run.body.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('og:title');
    const unknown = await fetch(`${base}/runs/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<div id="root">');
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${base}/index.html`)).headers.get('content-security-policy')).toBeTruthy();
  });

  it('restarts API 1 then API 2 under load: no failed request, no lost write, the socket reconnects', async () => {
    const host = await signup('호스트');
    const created = await call<Run>(
      'create run',
      'POST',
      '/api/runs',
      host.accessToken,
      runBody({ capacity: 100 }),
    );
    expect(created.status).toBe(201);
    const runId = created.body.id;
    const users = await Promise.all(Array.from({ length: 20 }, (_, i) => signup(`러너${i}`)));

    // The host's socket, through nginx's WebSocket upgrade; reconnects on its own when its process restarts.
    const connects: number[] = [];
    const disconnects: string[] = [];
    const notifications: number[] = [];
    const socket = io(nginx?.url ?? '', {
      path: '/socket.io',
      auth: { token: host.accessToken },
      transports: ['websocket'],
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
    });
    sockets.push(socket);
    socket.on('connect', () => connects.push(Date.now()));
    socket.on('disconnect', (reason) => {
      disconnects.push(reason);
      // A shutting-down process closes its sockets; socket.io leaves those to the app, which connects again
      // (apps/web/src/lib/realtime.ts does the same), and nginx sends it to the other instance.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('notification', () => notifications.push(Date.now()));
    await until('socket connected through nginx', () => socket.connected);

    // Every acknowledged write: comment ids, and each user's last acknowledged membership.
    const comments: string[] = [];
    const joined = new Map<string, boolean>();
    let running = true;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    async function userLoop(user: User, n: number) {
      let member = false;
      for (let i = 0; running; i++) {
        const token = user.accessToken;
        switch (i % 4) {
          case 0: {
            const r = await call<{ id: string }>('comment', 'POST', `/api/runs/${runId}/comments`, token, {
              content: `${n}번 러너의 ${i}번째 댓글`,
            });
            if (r.status === 201) comments.push(r.body.id);
            break;
          }
          case 1: {
            const r = member
              ? await call('leave', 'DELETE', `/api/runs/${runId}/participants/me`, token)
              : await call('join', 'POST', `/api/runs/${runId}/participants`, token);
            if (r.status === 201 || r.status === 204) {
              member = !member;
              joined.set(user.user.id, member);
            }
            break;
          }
          case 2:
            await call('run', 'GET', `/api/runs/${runId}`, token);
            await call('comments', 'GET', `/api/runs/${runId}/comments`, token);
            break;
          default:
            await call('feed', 'GET', '/api/runs', token);
        }
        await sleep(THINK_MS);
      }
    }
    const load = Promise.all(users.map((u, n) => userLoop(u, n)));

    // deploy/rolling-restart.sh itself, with `systemctl restart erun-api@<port>` replaced by a call to the test.
    await sleep(2000);
    const restartStarted = Date.now();
    const script = await rollingRestart(apiPorts);
    const restarts = script.restarts;
    const restartEnded = Date.now();
    running = false;
    await load;
    expect(script.exitCode, script.output).toBe(0);

    // The socket is back, and hears what happens now: one more join notifies the host.
    await until('socket reconnected', () => socket.connected);
    const heard = notifications.length;
    const latecomer = await signup('늦은러너');
    expect(
      (await call('join', 'POST', `/api/runs/${runId}/participants`, latecomer.accessToken)).status,
    ).toBe(201);
    joined.set(latecomer.user.id, true);
    await until('notification after the restarts', () => notifications.length > heard, 10_000);

    // Connections nginx found refused (an instance between its drain and its restart) and passed on.
    const nginxLog = await readFile(path.join(dir, 'nginx', 'error.log'), 'utf8').catch(() => '');
    const refused = nginxLog.split('\n').filter((l) => l.includes('Connection refused')).length;
    // Anything else nginx logged as an error says why a request failed (shown when one did).
    const nginxErrors = nginxLog
      .split('\n')
      .filter((l) => l.includes('[error]') && !l.includes('Connection refused'));
    const during = outcomes.filter((o) => o.at >= restartStarted && o.at <= restartEnded);
    const failed = outcomes.filter((o) => o.status === 0 || o.status >= 500);
    const unexpected = outcomes.filter((o) => o.status >= 400);
    console.info(
      `rolling restart behind nginx: ${outcomes.length} requests in all, ${during.length} during the restart ` +
        `(${((restartEnded - restartStarted) / 1000).toFixed(1)} s), ${failed.length} failed; ` +
        `restarts ${restarts.map((r) => `${r.name} ${(r.ms / 1000).toFixed(1)} s`).join(', ')}; ` +
        `${comments.length} comments, ${joined.size} members acknowledged; socket disconnects ${disconnects.length}; ` +
        `nginx retried ${refused} refused connections`,
    );
    // And what the API processes logged at warn or above (a 500's error and stack), every start of each.
    const apiErrors = processes.flatMap((p) =>
      p
        .output()
        .split('\n')
        .filter((l) => /"level":(40|50|60)/.test(l))
        // A query error's message is the whole statement: keep its start and its end, where the cause is.
        .map((l) => (l.length > 2400 ? `${l.slice(0, 1200)} … ${l.slice(-1200)}` : l)),
    );
    expect(failed, [...script.timeline, ...nginxErrors, ...apiErrors].join('\n')).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(restarts.map((r) => [r.name, r.exitCode])).toEqual([
      ['api-1', 0],
      ['api-2', 0],
    ]);
    expect(during.length).toBeGreaterThan(500);

    // Every acknowledged write is in the database, and membership is what the last acknowledged call left.
    const stored = await sql?.query<{ n: number }>(
      'select count(*)::int as n from comments where id = any($1::uuid[])',
      [comments],
    );
    expect(stored?.rows[0]?.n).toBe(comments.length);
    const members = await sql?.query<{ user_id: string }>(
      `select user_id from run_participants where run_id = $1 and status = 'joined' and user_id <> $2`,
      [runId, host.user.id],
    );
    const expectedMembers = [...joined].filter(([, member]) => member).map(([id]) => id);
    expect(members?.rows.map((r) => r.user_id).sort()).toEqual(expectedMembers.sort());

    // The socket was on one of the two processes: it was closed by that restart and came back through nginx.
    expect(disconnects.length).toBeGreaterThanOrEqual(1);
    expect(
      disconnects.every((reason) => reason === 'io server disconnect' || reason === 'transport close'),
    ).toBe(true);
    expect(connects.length).toBe(disconnects.length + 1);
  });
});

/** A built web app as Vite lays it out: index.html, a fingerprinted asset with its .gz, a public file. */
async function fakeWebBuild(dir: string): Promise<string> {
  const root = path.join(dir, 'dist');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(
    path.join(root, 'index.html'),
    '<!doctype html><html><head><title>이RUN 저RUN</title></head><body><div id="root"></div>' +
      '<script type="module" src="/assets/app-3f9a1c.js"></script></body></html>',
  );
  const script = `console.log(${JSON.stringify('이RUN 저RUN '.repeat(200))});\n`;
  await writeFile(path.join(root, 'assets/app-3f9a1c.js'), script);
  await writeFile(path.join(root, 'assets/app-3f9a1c.js.gz'), gzipSync(script));
  await writeFile(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}
