import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { spawnServer, startServer, waitUntilReady, type ServerProcess } from './processes.ts';
import { SIGNUP_CONSENTS } from './factories.ts';

/**
 * Issue 13, findings 4–6, with real processes. Before: SIGTERM closed the port at once (connections refused,
 * sign-ups in flight dropped, `/api/ready` never 503); an open socket.io or keep-alive connection held the exit
 * until the 15 s forced exit (code 1); `npm start` did not pass SIGTERM on to node (an orphan on the port).
 */
describe('shutdown', { timeout: 240_000 }, () => {
  let root = '';
  const processes: ServerProcess[] = [];
  const sockets: Socket[] = [];
  const env = (dataDir: string, drainSeconds: number) => ({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDIS_URL: '',
    DEMO_DATA: 'off',
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'info',
    WEB_DIST_DIR: '/nonexistent',
    SHUTDOWN_DRAIN_SECONDS: String(drainSeconds),
    // The forced exit (code 1) stays far away: a clean exit is code 0 and says so.
    SHUTDOWN_TIMEOUT_SECONDS: '120',
  });

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'erun-shutdown-'));
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all(processes.map((p) => p.kill()));
    await rm(root, { recursive: true, force: true });
  });

  const signup = (on: ServerProcess, email: string) =>
    fetch(`${on.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        password: 'run4fun!2026',
        nickname: '드레인러너',
        consents: SIGNUP_CONSENTS,
      }),
    });

  /** A GET through a keep-alive agent: the connection stays open, idle, in the agent's pool afterwards. */
  function keepAliveGet(url: string, agent: Agent): Promise<{ status: number; connection?: string }> {
    return new Promise((resolve, reject) => {
      const req = request(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('drains: ready 503 at once, serves through the window, answers every sign-up in flight, exits 0', async () => {
    const dataDir = path.join(root, 'drain');
    const server = await startServer('drain', 'all', env(dataDir, 5));
    processes.push(server);
    const user = (await (await signup(server, `drain-${randomUUID().slice(0, 8)}@example.com`)).json()) as {
      accessToken: string;
    };
    // An open WebSocket and an idle keep-alive connection: each used to hold the exit until the forced one.
    const socket = io(server.url, {
      path: '/socket.io',
      auth: { token: user.accessToken },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const socketClosed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await keepAliveGet(`${server.url}/api/health`, agent)).status).toBe(200);

    // 20 sign-ups in flight when SIGTERM arrives.
    const emails = Array.from({ length: 20 }, () => `inflight-${randomUUID().slice(0, 8)}@example.com`);
    const inFlight = emails.map((email) => signup(server, email));
    server.child.kill('SIGTERM');

    // Readiness turns 503 while the port still answers (the balancer moves away)…
    let ready = 200;
    for (let i = 0; i < 50 && ready === 200; i++) ready = (await fetch(`${server.url}/api/ready`)).status;
    expect(ready).toBe(503);
    // …and requests started in the drain window are served, their connections kept alive: a balancer goes on
    // using its pooled ones rather than opening new ones, which the port's closing could reset (src/http/drain.ts).
    // Once the port closes, the next answer on it closes the connection; an idle one is dropped after the linger.
    const late = `late-${randomUUID().slice(0, 8)}@example.com`;
    expect((await signup(server, late)).status).toBe(201);
    expect(await keepAliveGet(`${server.url}/api/health`, agent)).toEqual({
      status: 200,
      connection: 'keep-alive',
    });

    expect((await Promise.all(inFlight)).map((r) => r.status)).toEqual(emails.map(() => 201));
    expect(await socketClosed).toBe('io server disconnect');
    expect(await server.exit).toBe(0);
    expect(server.output()).toContain('shut down cleanly');
    expect(server.output()).not.toContain('forced exit');
    agent.destroy();

    // Every acknowledged sign-up is in the database.
    const database = await openDatabase({ url: undefined, dataDir: path.join(dataDir, 'db') });
    try {
      const found = await database.executeSql('select email from users where email = any($1)', [
        [...emails, late],
      ]);
      expect(found.rows).toHaveLength(21);
    } finally {
      await database.close();
    }
  });

  /** The pid of a process's only child (npm → node, with `exec` in the script). */
  function childOf(pid: number): number {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    expect(children).toHaveLength(1);
    return Number(children[0]);
  }
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  async function npmStart(name: string) {
    const npm = await spawnServer(name, 'api', env(path.join(root, name), 0), [], {
      command: ['npm', 'run', 'start:api'],
      detached: true,
    });
    processes.push(npm);
    await waitUntilReady(npm);
    return { npm, node: childOf(npm.pid) };
  }
  async function portFree(url: string) {
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  }

  it.skipIf(process.platform !== 'linux')(
    'npm run start:api: SIGTERM to npm reaches node, and npm waits for it',
    async () => {
      const { npm, node } = await npmStart('npm-pid');
      npm.child.kill('SIGTERM');
      await npm.exit;
      expect(alive(node)).toBe(false);
      expect(npm.output()).toContain('shut down cleanly');
      await portFree(npm.url);
    },
  );

  it.skipIf(process.platform !== 'linux')(
    'npm run start:api: SIGTERM to the process group, npm exits after node',
    async () => {
      const { npm, node } = await npmStart('npm-group');
      process.kill(-npm.pid, 'SIGTERM');
      await npm.exit;
      expect(alive(node)).toBe(false);
      expect(npm.output()).toContain('shut down cleanly');
      await portFree(npm.url);
    },
  );

  it.skipIf(process.platform !== 'linux')(
    'npm killed (kill -9): node notices its parent is gone and shuts down instead of staying an orphan',
    async () => {
      const { npm, node } = await npmStart('npm-killed');
      await npm.kill();
      for (let i = 0; i < 300 && alive(node); i++) await new Promise((r) => setTimeout(r, 100));
      expect(alive(node)).toBe(false);
      await portFree(npm.url);
    },
  );
});
