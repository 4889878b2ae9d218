import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../db/data-dir-lock.ts';
import { SIGNUP_CONSENTS } from './factories.ts';
import { repoRoot, spawnServer, startServer, type ServerProcess } from './processes.ts';

/**
 * Issue 13, finding 3: two `npm start` on one DATA_DIR both opened the embedded database and destroyed it. Now
 * the first holds DATA_DIR/server.pid; a second server (or `npm run seed`) refuses with a message naming the
 * folder and the pid, and the first's data stay intact; a crashed owner's lock is taken over.
 */
describe('one process per embedded data folder', { timeout: 180_000 }, () => {
  let dir = '';
  const processes: ServerProcess[] = [];
  const env = () => ({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    DATABASE_URL: '',
    REDIS_URL: '',
    DEMO_DATA: 'off',
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'info',
    WEB_DIST_DIR: '/nonexistent',
    SHUTDOWN_DRAIN_SECONDS: '0',
  });
  async function start(name: string) {
    const proc = await startServer(name, 'all', env());
    processes.push(proc);
    return proc;
  }
  const account = {
    email: 'lock-owner@example.com',
    password: 'run4fun!2026',
    nickname: '먼저온러너',
    consents: SIGNUP_CONSENTS,
  };
  const post = (on: ServerProcess, url: string, body: object) =>
    fetch(`${on.url}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const lockOwner = () =>
    (JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number }).pid;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'erun-lock-'));
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a second server on the same DATA_DIR, naming the folder and the pid; the first keeps its data', async () => {
    const first = await start('first');
    expect((await post(first, '/api/auth/signup', account)).status).toBe(201);
    expect(lockOwner()).toBe(first.pid);

    const second = await spawnServer('second', 'all', env());
    processes.push(second);
    expect(await second.exit).toBe(1);
    expect(second.output()).toContain(`DATA_DIR ${dir} is in use by server process ${first.pid}`);

    // The first still serves, from an intact database, and still holds the lock.
    expect((await post(first, '/api/auth/login', account)).status).toBe(200);
    expect(lockOwner()).toBe(first.pid);

    // So does the seed CLI.
    const seed = spawn(
      process.execPath,
      ['--import', 'tsx', 'apps/server/src/seed/seed-cli.ts', '--users', '2', '--runs', '0'],
      { cwd: repoRoot, env: { ...process.env, ...env() }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let seedOutput = '';
    seed.stderr.on('data', (chunk: Buffer) => (seedOutput += chunk.toString()));
    const seedCode = await new Promise<number | null>((resolve) => seed.once('exit', resolve));
    expect(seedCode).toBe(1);
    expect(seedOutput).toContain(`DATA_DIR ${dir} is in use by server process ${first.pid}`);

    // A clean exit removes the lock.
    await first.stop();
    expect(await first.exit).toBe(0);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over the lock of a crashed server (kill -9), says so, and finds the data', async () => {
    const crashed = await start('crashed');
    await crashed.kill();
    expect(lockOwner()).toBe(crashed.pid);

    const next = await start('next');
    expect(next.output()).toContain(`took over the lock of process ${crashed.pid}`);
    expect(lockOwner()).toBe(next.pid);
    expect((await post(next, '/api/auth/login', account)).status).toBe(200);
    await next.stop();
  });
});
