import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuthResponse, Notification, Run } from '@erun/contracts';
import { Redis } from 'ioredis';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runBody, SIGNUP_CONSENTS } from './factories.ts';
import { startServer, type ServerProcess } from './processes.ts';
import { insertRuns, insertUsers } from './sql-fixtures.ts';
import { testDatabaseUrl, testDbKind, testRedisUrl, withDatabase } from './test-env.ts';

/**
 * A scaled-out deployment for real: two `--role=api` processes (A, B) and two `--role=worker` processes,
 * each a separate `node main.ts`, on one PostgreSQL database and one Redis. Proves that rooms span processes
 * (Redis adapter) and that reminders go out exactly once with two workers, across a crash and after a
 * downtime (ADR 009). Runs in the PostgreSQL + Redis integration pass only.
 */
const enabled = testDbKind() === 'postgres' && testRedisUrl() !== undefined;

interface User extends AuthResponse {
  email: string;
}

// Real processes: each takes seconds to start, far longer on a busy machine; hence the generous timeouts.
describe.skipIf(!enabled)(
  'several API and worker processes on PostgreSQL + Redis',
  { timeout: 90_000 },
  () => {
    const dbName = `erun_mp_${inject('runId')}_${process.pid}`;
    const prefix = `erun-test:${inject('runId')}:mp:${process.pid}:`;
    let dir = '';
    let clockFile = '';
    let admin: pg.Client;
    let sql: pg.Client;
    let env: Record<string, string>;
    let a: ServerProcess;
    let b: ServerProcess;
    const workers: ServerProcess[] = [];
    const processes: ServerProcess[] = [];
    const sockets: Socket[] = [];

    async function start(name: string, role: 'api' | 'worker'): Promise<ServerProcess> {
      const proc = await startServer(name, role, { ...env, DATA_DIR: path.join(dir, name) });
      processes.push(proc);
      return proc;
    }

    beforeAll(async () => {
      if (!enabled) return;
      dir = await mkdtemp(path.join(tmpdir(), 'erun-mp-'));
      clockFile = path.join(dir, 'clock.json');
      await setClock(0);
      admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      await admin.query(`create database "${dbName}" template "${inject('pgTemplate')}"`);
      const url = withDatabase(testDatabaseUrl(), dbName);
      sql = new pg.Client({ connectionString: url });
      await sql.connect();
      env = {
        NODE_ENV: 'test',
        DATABASE_URL: url,
        REDIS_URL: testRedisUrl() ?? '',
        REDIS_KEY_PREFIX: prefix,
        REMINDER_SWEEP_SECONDS: '1',
        TEST_CLOCK_FILE: clockFile,
        DEMO_DATA: 'off',
        RATE_LIMITS: 'off',
        LOG_LEVEL: 'warn',
        WEB_DIST_DIR: '/nonexistent',
      };
      // The first start creates the shared secrets and pg-boss's schema; the others then start side by side.
      a = await start('api-a', 'api');
      [b] = await Promise.all([start('api-b', 'api'), startWorkers()]);
      await allSubscribed();
    }, 300_000);

    afterAll(async () => {
      if (process.env.MP_DEBUG)
        for (const p of processes) console.log(`--- ${p.name} (pid ${p.pid})\n${p.output()}`);
      for (const s of sockets) s.disconnect();
      await Promise.all(processes.map((p) => p.stop(5000)));
      await sql?.end().catch(() => undefined);
      if (admin) {
        await admin.query(`drop database if exists "${dbName}" with (force)`).catch(() => undefined);
        await admin.end().catch(() => undefined);
      }
      const url = testRedisUrl();
      if (url) {
        const redis = new Redis(url);
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length > 0) await redis.del(...keys);
        redis.disconnect();
      }
      if (dir) await rm(dir, { recursive: true, force: true });
    }, 60_000);

    async function startWorkers(): Promise<void> {
      const started = await Promise.all([start(`worker-1`, 'worker'), start(`worker-2`, 'worker')]);
      workers.splice(0, workers.length, ...started);
    }

    /**
     * Every live process listens on the socket.io adapter's request channel once its Redis subscriber is up:
     * for a worker, that is also the sign that it has started.
     */
    async function allSubscribed(): Promise<void> {
      const redis = new Redis(testRedisUrl() ?? '');
      try {
        const channel = `${prefix}socket.io-request#/#`;
        await eventually(
          'processes subscribed to the socket.io channels',
          async () => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]),
          (n) => n === processes.filter((p) => !p.exited()).length,
          90_000,
        );
      } finally {
        redis.disconnect();
      }
    }

    /** Moves every process's clock (FileClock re-reads the file within 50 ms). */
    async function setClock(offsetMs: number): Promise<void> {
      await writeFile(clockFile, JSON.stringify({ offsetMs }));
      await sleep(150);
    }
    const clockAt = (iso: string) => setClock(Date.parse(iso) - Date.now());

    async function api<T>(on: ServerProcess, method: string, url: string, token?: string, body?: unknown) {
      const response = await fetch(`${on.url}${url}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    }

    async function signup(on: ServerProcess, nickname: string): Promise<User> {
      const email = `mp-${randomUUID().slice(0, 8)}@example.com`;
      const r = await api<AuthResponse>(on, 'POST', '/api/auth/signup', undefined, {
        email,
        password: 'run4fun!2026',
        nickname,
        consents: SIGNUP_CONSENTS,
      });
      if (r.status !== 201) throw new Error(`signup on ${on.name}: ${r.status} ${JSON.stringify(r.body)}`);
      return { ...r.body, email };
    }

    async function createRun(on: ServerProcess, host: User, overrides: Record<string, unknown> = {}) {
      const r = await api<Run>(on, 'POST', '/api/runs', host.accessToken, runBody(overrides));
      if (r.status !== 201) throw new Error(`create run: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    }

    async function join(on: ServerProcess, runner: User, runId: string) {
      const r = await api(on, 'POST', `/api/runs/${runId}/participants`, runner.accessToken);
      if (r.status >= 300) throw new Error(`join on ${on.name}: ${r.status} ${JSON.stringify(r.body)}`);
    }

    function connect(on: ServerProcess, token: string): Promise<Socket> {
      const socket = io(on.url, { path: '/socket.io', auth: { token }, transports: ['websocket'] });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    }

    /** Every payload of `event` on the socket, as it arrives. */
    function record<T>(socket: Socket, event: string): T[] {
      const seen: T[] = [];
      socket.on(event, (payload: T) => seen.push(payload));
      return seen;
    }

    async function eventually<T>(
      what: string,
      read: () => Promise<T> | T,
      ok: (v: T) => boolean,
      ms = 30_000,
    ) {
      const deadline = Date.now() + ms;
      let last = await read();
      while (!ok(last)) {
        if (Date.now() > deadline) {
          const logs = processes.map((p) => `--- ${p.name} (pid ${p.pid})\n${p.output()}`).join('\n');
          throw new Error(`${what}: still ${JSON.stringify(last)} after ${ms} ms\n${logs}`);
        }
        await sleep(100);
        last = await read();
      }
      return last;
    }

    async function rowsOf<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
      return (await sql.query<T>(text, values)).rows;
    }

    /** Reminder notifications per user and category for the runs given. */
    async function reminderCounts(runIds: string[]) {
      return rowsOf<{ user_id: string; category: string; n: number }>(
        `select user_id, category, count(*)::int as n from notifications
       where run_id = any($1::uuid[]) and (category like 'reminder%' or category = 'review_request')
       group by user_id, category order by user_id, category`,
        [runIds],
      );
    }

    /** 10:00 Asia/Seoul, `days` days from now: D-day is due from 08:00, "soon" from 09:30. */
    function seoulDay(days: number): string {
      return new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
    }

    it('a notification caused by a request on B reaches the user connected to A, live', async () => {
      await setClock(0);
      const host = await signup(a, '호스트');
      const runner = await signup(b, '참가자');
      const run = await createRun(a, host);
      const onA = await connect(a, host.accessToken);
      const alsoOnB = await connect(b, host.accessToken);
      const notifications = record<Notification & { unreadCount: number }>(onA, 'notification');
      const onBToo = record<Notification>(alsoOnB, 'notification');

      await join(b, runner, run.id);

      await eventually(
        'notification on A',
        () => notifications.length,
        (n) => n >= 1,
        10_000,
      );
      expect(notifications[0]).toMatchObject({
        category: 'run_joined',
        actor: { nickname: '참가자' },
        link: `/runs/${run.id}`,
      });
      await eventually(
        'unread count on A',
        () => notifications.at(-1)?.unreadCount,
        (n) => n === 1,
        10_000,
      );
      // The same user's tab on B hears it as well: rooms span both processes.
      await eventually(
        'notification on B',
        () => onBToo.length,
        (n) => n >= 1,
        10_000,
      );
      expect(onBToo[0]?.id).toBe(notifications[0]?.id);
    });

    it('with two workers, each participant gets one reminder of each kind, live on whichever process', async () => {
      await setClock(0);
      const day = seoulDay(2);
      const host = await signup(a, '호스트');
      const run = await createRun(a, host, {
        startsAt: `${day}T10:00:00+09:00`,
        endsAt: `${day}T11:30:00+09:00`,
      });
      const runners: User[] = [];
      for (let i = 0; i < 5; i++) {
        const on = i % 2 === 0 ? b : a;
        const runner = await signup(on, `러너${i}`);
        await join(on, runner, run.id);
        runners.push(runner);
      }
      const hostOnA = record<Notification>(await connect(a, host.accessToken), 'notification');
      const [firstRunner] = runners as [User];
      const runnerOnB = record<Notification>(await connect(b, firstRunner.accessToken), 'notification');

      await clockAt(`${day}T09:35:00+09:00`);
      const expected = 2 * (runners.length + 1); // D-day and "soon" (the host's asks for attendance)
      await eventually(
        'reminders sent',
        async () => (await reminderCounts([run.id])).reduce((sum, r) => sum + r.n, 0),
        (n) => n >= expected,
      );
      await sleep(3000); // several more sweeps by both workers
      expect(workers.map((w) => [w.name, w.exited()])).toEqual([
        ['worker-1', false],
        ['worker-2', false],
      ]);
      const counts = await reminderCounts([run.id]);
      const byUser = (id: string) => counts.filter((c) => c.user_id === id).map((c) => [c.category, c.n]);
      expect(byUser(host.user.id)).toEqual([
        ['reminder_attendance', 1],
        ['reminder_dday', 1],
      ]);
      for (const runner of runners)
        expect(byUser(runner.user.id)).toEqual([
          ['reminder_dday', 1],
          ['reminder_soon', 1],
        ]);
      const sent = await rowsOf<{ kind: string; n: number }>(
        'select kind, count(*)::int as n from reminders_sent where run_id = $1 group by kind order by kind',
        [run.id],
      );
      expect(sent).toEqual([
        { kind: 'dday', n: runners.length + 1 },
        { kind: 'soon', n: runners.length + 1 },
      ]);

      // A worker has no listening socket: its notifications reach the API processes' clients through Redis.
      await eventually(
        'reminder on the host socket (A)',
        () => hostOnA.map((n) => n.category),
        (c) => c.includes('reminder_attendance'),
        10_000,
      );
      await eventually(
        'reminder on the runner socket (B)',
        () => runnerOnB.map((n) => n.category),
        (c) => c.includes('reminder_soon'),
        10_000,
      );
    });

    it('a worker killed in the middle of a sweep and restarted sends nothing twice and misses nothing', async () => {
      const day = seoulDay(3);
      const users = await insertUsers(sql, 100, `kill-${randomUUID().slice(0, 6)}`);
      const startsAt = new Date(`${day}T10:00:00+09:00`);
      const endsAt = new Date(`${day}T11:30:00+09:00`);
      // 40 runs × 100 runners: 4,000 D-day and 4,000 "soon" reminders, swept in batches of 1,000.
      const runIds = await insertRuns(
        sql,
        users.slice(0, 40).map((hostId) => ({
          hostId,
          startsAt,
          endsAt,
          participantIds: users.filter((u) => u !== hostId),
        })),
      );
      const expected = 2 * runIds.length * users.length;
      const total = async () => {
        const [row] = await rowsOf<{ n: number }>(
          'select count(*)::int as n from notifications where run_id = any($1::uuid[])',
          [runIds],
        );
        return row?.n ?? 0;
      };

      // One worker at a time, so that the crash interrupts real work.
      const [first, second] = workers as [ServerProcess, ServerProcess];
      await second.stop();
      await clockAt(`${day}T09:35:00+09:00`);
      await eventually('first reminders', total, (n) => n > 0, 60_000);
      await first.kill();
      const atCrash = await total();
      expect(atCrash).toBeLessThan(expected);

      await startWorkers();
      await allSubscribed();
      await eventually('every reminder after the restart', total, (n) => n >= expected, 120_000);
      await sleep(3000);
      expect(await total()).toBe(expected);
      const duplicates = await rowsOf(
        `select user_id, run_id, category from notifications where run_id = any($1::uuid[])
       group by user_id, run_id, category having count(*) > 1`,
        [runIds],
      );
      expect(duplicates).toEqual([]);
      const sent = await rowsOf<{ n: number }>(
        'select count(*)::int as n from reminders_sent where run_id = any($1::uuid[])',
        [runIds],
      );
      expect(sent).toEqual([{ n: expected }]);
      // Keep the next test light: these runs would all be due for review requests later on.
      await sql.query('delete from runs where id = any($1::uuid[])', [runIds]);
    }, 240_000);

    it('after a downtime, a worker sends late only what is still relevant', async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await setClock(0);
      const day = seoulDay(5);
      const host = await signup(a, '호스트');
      const runner = await signup(b, '러너');
      const started = await createRun(a, host, {
        startsAt: `${day}T10:00:00+09:00`,
        endsAt: `${day}T11:30:00+09:00`,
      });
      // A control run starting later: its reminders are still relevant when the worker comes back.
      const later = await createRun(a, host, {
        startsAt: `${day}T10:20:00+09:00`,
        endsAt: `${day}T11:30:00+09:00`,
      });
      await join(b, runner, started.id);
      await join(b, runner, later.id);

      // Everything was down from before 08:00 until after the first run started.
      await clockAt(`${day}T10:05:00+09:00`);
      await startWorkers();
      await eventually(
        'late reminders of the run that has not started',
        async () => (await reminderCounts([later.id])).length,
        (n) => n === 4,
        120_000,
      );
      expect((await reminderCounts([later.id])).map((c) => [c.category, c.n])).toEqual(
        expect.arrayContaining([
          ['reminder_dday', 1],
          ['reminder_soon', 1],
          ['reminder_attendance', 1],
        ]),
      );
      expect(await reminderCounts([started.id])).toEqual([]);

      // The review request is still relevant an hour after the end: it goes out, once (to a runner the host
      // marked present: the absent and the unmarked are not asked).
      await sql.query(
        'insert into attendance (run_id, user_id, present, recorded_at) values ($1, $2, true, now())',
        [started.id, runner.user.id],
      );
      await clockAt(`${day}T12:31:00+09:00`);
      await eventually(
        'review request',
        async () => (await reminderCounts([started.id])).map((c) => [c.user_id, c.category, c.n]),
        (rows) => rows.length > 0,
      );
      await sleep(2500);
      expect((await reminderCounts([started.id])).map((c) => [c.user_id, c.category, c.n])).toEqual([
        [runner.user.id, 'review_request', 1],
      ]);
    }, 240_000);

    it('a chat message sent on A arrives on B (once the chat routes exist)', async (ctx) => {
      await setClock(0);
      const host = await signup(a, '호스트');
      const runner = await signup(b, '러너');
      const run = await createRun(a, host);
      await join(b, runner, run.id);
      const probe = await api<{ code?: string }>(
        a,
        'POST',
        `/api/runs/${run.id}/messages`,
        host.accessToken,
        {
          content: '안녕하세요',
        },
      );
      if (probe.status === 404 && probe.body?.code === 'ROUTE_NOT_FOUND') {
        ctx.skip('chat is not on this branch yet: POST /api/runs/:id/messages is not a route');
        return;
      }
      expect(probe.status).toBeLessThan(300);
      const onB = await connect(b, runner.accessToken);
      const onA = await connect(a, host.accessToken);
      for (const socket of [onA, onB]) await socket.timeout(5000).emitWithAck('chat:join', { runId: run.id });
      // Whatever the message's exact shape, its text is in it.
      const heardOnB = record<unknown>(onB, 'chat:message');
      const heardOnA = record<unknown>(onA, 'chat:message');

      const sent = await api(a, 'POST', `/api/runs/${run.id}/messages`, host.accessToken, {
        content: 'A에서 보낸 메시지',
      });
      expect(sent.status).toBeLessThan(300);
      await eventually(
        'chat message on B',
        () => JSON.stringify(heardOnB),
        (heard) => heard.includes('A에서 보낸 메시지'),
        10_000,
      );
      await api(b, 'POST', `/api/runs/${run.id}/messages`, runner.accessToken, { content: 'B에서 답장' });
      await eventually(
        'chat message on A',
        () => JSON.stringify(heardOnA),
        (heard) => heard.includes('B에서 답장'),
        10_000,
      );
    });
  },
);

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
