/**
 * `npm run bench:realtime`: two API processes (`main.ts --role=api`) sharing rooms through Redis, on
 * PostgreSQL. Opens N sockets spread evenly over both, then
 * - fires a burst of M joins through the API (each one notifies the run's host, connected to A or B) and
 *   measures each delivery: the notification's `createdAt` (PostgreSQL's clock) to its arrival at the client
 *   (same machine, same clock); p50/p99/max, delivered/expected. With M requests in flight on 2 cores this
 *   is mostly the joins' own queueing;
 * - a fan-out: runs of 100 (up to M notifications) cancelled at once through A and B notify their
 *   participants, connected to A and B; the same latency per delivery (the realtime path itself: one insert,
 *   one read, the Redis adapter);
 * - memory per 1,000 sockets: the API processes' RSS (/proc/<pid>/status VmRSS) before and after connecting;
 * - chat across processes when `POST /api/runs/:id/messages` exists: members of several runs' chat rooms on
 *   both processes, messages fired through both, `chat:message` deliveries per second.
 * A benchmark, not a test: it prints figures and targets and exits non-zero only on errors.
 *
 * Flags: --sockets=2000 --burst=1000 --concurrency=100 (requests in flight) --chat-runs=20 --chat-members=10
 * --chat-messages=2000. Env: BENCH_RT_DATABASE_URL (postgres://postgres@127.0.0.1:5432/erun_bench_rt, dropped
 * and recreated each run, migrated by main.ts), BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_RT_NODE_ARGS
 * (node flags for the API processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile both).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
// socket.io-client is the web app's dependency (hoisted to the root node_modules); the bench adds none.
import { io, type Socket } from 'socket.io-client';
import { AccessTokens } from '../../apps/server/src/modules/auth/access-tokens.ts';
import { systemClock } from '../../apps/server/src/ports/clock.ts';
import {
  cpuMsOf,
  cpuMsOfAll,
  rssOf,
  startServer,
  type ServerProcess,
} from '../../apps/server/src/test/processes.ts';
import { insertRuns, insertUsers } from '../../apps/server/src/test/sql-fixtures.ts';

const TARGET = { p99Ms: 100, chatPerSecond: 2000 };

const { values: flags } = parseArgs({
  options: {
    sockets: { type: 'string', default: '2000' },
    burst: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '100' },
    'chat-runs': { type: 'string', default: '20' },
    'chat-members': { type: 'string', default: '10' },
    'chat-messages': { type: 'string', default: '2000' },
  },
});
const SOCKETS = Number(flags.sockets);
const BURST = Number(flags.burst);
const CONCURRENCY = Number(flags.concurrency);
const CHAT = {
  runs: Number(flags['chat-runs']),
  members: Number(flags['chat-members']),
  messages: Number(flags['chat-messages']),
};
if (![SOCKETS, BURST, CONCURRENCY, CHAT.runs, CHAT.members, CHAT.messages].every((n) => n > 0))
  throw new Error('every flag must be a positive number');

const dbUrl = process.env.BENCH_RT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/erun_bench_rt';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `erun-bench-rt:${process.pid}:`;
const jwtSecret = randomBytes(32).toString('hex');
const tokens = new AccessTokens(jwtSecret, systemClock);
const dataDir = mkdtempSync(path.join(tmpdir(), 'erun-bench-rt-'));
const servers: ServerProcess[] = [];
const sockets: Socket[] = [];
let sql: pg.Client | undefined;

const progress = (message: string) => console.log(`… ${message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

try {
  await main();
} finally {
  for (const s of sockets) s.disconnect();
  await Promise.all(servers.map((s) => s.stop()));
  await sql?.end();
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  rmSync(dataDir, { recursive: true, force: true });
}

async function main() {
  progress(`fresh database ${new URL(dbUrl).pathname.slice(1)}`);
  await recreateDatabase(dbUrl);
  const env = {
    NODE_ENV: 'production',
    // Production refuses to start without an https origin; the benchmark's clients talk to loopback directly.
    PUBLIC_URL: 'https://bench.erun.example',
    DATABASE_URL: dbUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    JWT_SECRET: jwtSecret,
    RATE_LIMITS: 'off',
    DEMO_DATA: 'off',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: '/nonexistent',
  };
  progress('starting API process A (migrates), then B');
  const nodeArgs = (process.env.BENCH_RT_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const a = await startServer('api-a', 'api', { ...env, DATA_DIR: path.join(dataDir, 'a') }, nodeArgs);
  servers.push(a);
  const b = await startServer('api-b', 'api', { ...env, DATA_DIR: path.join(dataDir, 'b') }, nodeArgs);
  servers.push(b);
  const apis = [a, b] as const;
  sql = new pg.Client({ connectionString: dbUrl });
  await sql.connect();

  // Socket users 0..SOCKETS-1 (user i on process i % 2); joiners after them, one per burst run.
  progress(`${SOCKETS + BURST} users, ${BURST} runs (SQL)`);
  const users = await insertUsers(sql, SOCKETS + BURST, 'bench-rt');
  const startsAt = new Date(Date.now() + 3 * 86_400_000);
  const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
  const burstRuns = await insertRuns(
    sql,
    Array.from({ length: BURST }, (_, i) => ({
      hostId: users[i % SOCKETS] as string,
      startsAt,
      endsAt,
      participantIds: [],
    })),
  );
  const accessTokens = await Promise.all(users.map((id) => tokens.issue(id)));
  const processOf = (i: number) => apis[i % 2] as ServerProcess;

  // Warm-up, so that "before" is a process that has already served sockets and requests (the code paths
  // compiled, start-up garbage collected) and the difference is the sockets' own memory.
  progress('warm-up: 200 sockets connected and closed on each process');
  const warm: Socket[] = [];
  await inBatches(Math.min(400, SOCKETS), 100, async (i) => {
    warm.push(await connect(processOf(i), accessTokens[i] as string, false));
  });
  for (const socket of warm) socket.disconnect();
  await sleep(5000);
  const rssBefore = await Promise.all(apis.map((s) => rssOf(s.pid)));
  progress(`connecting ${SOCKETS} sockets (half to A, half to B)`);
  const latencies: number[] = [];
  const fanOutLatencies: number[] = [];
  const fromRequest: number[] = [];
  const sentAt = new Map<string, number>();
  const seen = new Set<string>();
  const connectStart = performance.now();
  await inBatches(SOCKETS, 200, async (i) => {
    const socket = await connect(processOf(i), accessTokens[i] as string);
    socket.on('notification', (n: { id: string; category: string; createdAt: string; link: string }) => {
      const now = Date.now();
      if (n.category === 'run_cancelled') {
        fanOutLatencies.push(now - Date.parse(n.createdAt));
        return;
      }
      seen.add(n.id);
      latencies.push(now - Date.parse(n.createdAt));
      const sent = sentAt.get(n.link.split('/')[2] ?? '');
      if (sent !== undefined) fromRequest.push(now - sent);
    });
  });
  const connectSeconds = (performance.now() - connectStart) / 1000;
  await sleep(5000);
  const rssAfter = await Promise.all(apis.map((s) => rssOf(s.pid)));
  const before = sumOf(rssBefore);
  const after = sumOf(rssAfter);
  const memoryPer1000 =
    before !== undefined && after !== undefined ? ((after - before) / SOCKETS) * 1000 : undefined;

  // Each join goes through the process its run's host is not connected to: every delivery crosses Redis.
  progress(`burst: ${BURST} joins through A and B (${CONCURRENCY} in flight), each notifies a host`);
  const cpuBefore = await cpuSnapshot(apis);
  const burstStart = performance.now();
  let errors = 0;
  await inBatches(BURST, CONCURRENCY, async (i) => {
    const runId = burstRuns[i] as string;
    const joiner = SOCKETS + i;
    sentAt.set(runId, Date.now());
    const response = await fetch(`${processOf((i % SOCKETS) + 1).url}/api/runs/${runId}/participants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessTokens[joiner]}` },
    });
    await response.arrayBuffer();
    if (!response.ok) errors++;
  });
  const requestsSeconds = (performance.now() - burstStart) / 1000;
  await waitFor(() => latencies.length >= BURST - errors, 30_000);
  const burstSeconds = (performance.now() - burstStart) / 1000;
  const cpuAfter = await cpuSnapshot(apis);
  const perJoin = (key: keyof CpuSnapshot) => (cpuAfter[key] - cpuBefore[key]) / BURST;

  // Changes that notify many at once: hosts (socket users) cancel runs whose participants (socket users on A
  // and B) all hear it live, half of them across Redis. A run holds at most 100, so runs of 100 (host + 99).
  const group = Math.min(100, SOCKETS);
  const groups = Math.max(1, Math.floor(Math.min(BURST, SOCKETS) / group));
  const fanOutCount = groups * (group - 1);
  progress(`fan-out: ${groups} cancellations at once, notifying ${fanOutCount} participants on A and B`);
  const fanOutRuns = await insertRuns(
    sql,
    Array.from({ length: groups }, (_, g) => ({
      hostId: users[g * group] as string,
      startsAt,
      endsAt,
      participantIds: users.slice(g * group + 1, (g + 1) * group),
    })),
    '취소 부하 시험',
  );
  const fanOutCpuBefore = await cpuSnapshot(apis);
  await Promise.all(
    fanOutRuns.map(async (runId, g) => {
      const cancelled = await fetch(`${apis[g % 2]?.url}/api/runs/${runId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${accessTokens[g * group]}` },
      });
      if (cancelled.status !== 204) throw new Error(`cancelling failed: ${cancelled.status}`);
    }),
  );
  await waitFor(() => fanOutLatencies.length >= fanOutCount, 30_000);
  const fanOutCpuAfter = await cpuSnapshot(apis);
  const perFanOut = (key: keyof CpuSnapshot) => (fanOutCpuAfter[key] - fanOutCpuBefore[key]) / fanOutCount;

  const chat = await chatThroughput(apis, users, accessTokens);

  // ------------------------------------------------------------------------------------------------------
  const mb = (bytes: number | undefined) =>
    bytes === undefined ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MB`;
  const p = percentiles(latencies);
  const q = percentiles(fromRequest);
  console.log('');
  console.log(`realtime across 2 API processes + Redis (${SOCKETS} sockets, burst of ${BURST})`);
  // Everything (both APIs, PostgreSQL, Redis, this client) shares the machine: its load colours every figure.
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(`machine: ${os.cpus().length} cores, load average ${load.join(' / ')} (1 / 5 / 15 min)`);
  const row = (label: string, value: string, target = '') =>
    console.log(`${label.padEnd(48)} ${value.padStart(26)}  ${target}`);
  row(
    'sockets connected (A + B)',
    `${sockets.filter((s) => s.connected).length} in ${connectSeconds.toFixed(1)} s`,
  );
  row('RSS A, B before sockets', `${mb(rssBefore[0])}, ${mb(rssBefore[1])}`);
  row('RSS A, B with sockets', `${mb(rssAfter[0])}, ${mb(rssAfter[1])}`);
  row('memory per 1,000 sockets (both processes)', mb(memoryPer1000));
  row('burst: join requests (errors)', `${BURST} in ${requestsSeconds.toFixed(2)} s (${errors})`);
  row(
    'notifications delivered / expected',
    `${seen.size} / ${BURST - errors} in ${burstSeconds.toFixed(2)} s`,
  );
  row(
    'delivery latency p50 / p99 / max (createdAt→client)',
    `${p.p50} / ${p.p99} / ${p.max} ms`,
    verdict(p.p99 <= TARGET.p99Ms && seen.size === BURST - errors, `p99 ≤ ${TARGET.p99Ms} ms`),
  );
  row('request sent → delivered p50 / p99 / max', `${q.p50} / ${q.p99} / ${q.max} ms`, '(includes queueing)');
  row(
    'CPU per join: API processes / PostgreSQL / client',
    `${perJoin('api').toFixed(2)} / ${perJoin('db').toFixed(2)} / ${perJoin('client').toFixed(2)} ms`,
    '(user + system time over the burst)',
  );
  const f = percentiles(fanOutLatencies);
  row(
    `fan-out: ${fanOutCount} notifications of ${groups} cancellations`,
    `${fanOutLatencies.length} / ${fanOutCount} delivered`,
  );
  row(
    'fan-out latency p50 / p99 / max (createdAt→client)',
    `${f.p50} / ${f.p99} / ${f.max} ms`,
    verdict(f.p99 <= TARGET.p99Ms && fanOutLatencies.length === fanOutCount, `p99 ≤ ${TARGET.p99Ms} ms`),
  );
  row(
    'CPU per notification: API / PostgreSQL / client',
    `${perFanOut('api').toFixed(2)} / ${perFanOut('db').toFixed(2)} / ${perFanOut('client').toFixed(2)} ms`,
    '(over the fan-out)',
  );
  if (chat === undefined) row('chat', 'not available', '(POST /api/runs/:id/messages is not a route yet)');
  else {
    row('chat messages sent (errors)', `${chat.sent} (${chat.errors})`);
    row('chat:message deliveries / expected', `${chat.delivered} / ${chat.expected}`);
    row(
      'chat deliveries per second (across processes)',
      `${chat.perSecond.toFixed(0)} /s`,
      verdict(chat.perSecond >= TARGET.chatPerSecond, `≥ ${TARGET.chatPerSecond}/s`),
    );
  }
}

interface CpuSnapshot {
  api: number;
  db: number;
  client: number;
}

/** CPU time used so far by both API processes, the bench database's PostgreSQL backends and this client. */
async function cpuSnapshot(apis: readonly ServerProcess[]): Promise<CpuSnapshot> {
  const api = (await Promise.all(apis.map((s) => cpuMsOf(s.pid)))).reduce<number>((a, b) => a + (b ?? 0), 0);
  const usage = process.cpuUsage();
  return {
    api,
    db: await cpuMsOfAll(new URL(dbUrl).pathname.slice(1)),
    client: (usage.user + usage.system) / 1000,
  };
}

interface ChatFigures {
  sent: number;
  errors: number;
  delivered: number;
  expected: number;
  perSecond: number;
}

/** Chat rooms with members on both processes; undefined when the chat routes do not exist. */
async function chatThroughput(
  apis: readonly [ServerProcess, ServerProcess],
  users: string[],
  accessTokens: string[],
): Promise<ChatFigures | undefined> {
  if (!sql) throw new Error('no database');
  const members = Math.min(CHAT.members, Math.floor(SOCKETS / CHAT.runs));
  if (members < 2) return undefined;
  // Chat members are socket users: run r's members are users r*members … r*members+members-1.
  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  const runIds = await insertRuns(
    sql,
    Array.from({ length: CHAT.runs }, (_, r) => ({
      hostId: users[r * members] as string,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      participantIds: users.slice(r * members + 1, (r + 1) * members),
    })),
    '채팅 부하 시험',
  );
  const probe = await fetch(`${apis[0].url}/api/runs/${runIds[0]}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessTokens[0]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ content: 'probe' }),
  });
  const probeBody = (await probe.json().catch(() => ({}))) as { code?: string };
  if (probe.status === 404 && probeBody.code === 'ROUTE_NOT_FOUND') return undefined;
  progress(`chat: ${CHAT.runs} rooms × ${members} members over A and B, ${CHAT.messages} messages`);

  let delivered = 0;
  for (let r = 0; r < CHAT.runs; r++) {
    for (let m = 0; m < members; m++) {
      const socket = sockets[r * members + m] as Socket;
      await socket.timeout(10_000).emitWithAck('chat:join', { runId: runIds[r] });
      socket.on('chat:message', () => {
        delivered++;
      });
    }
  }
  await sleep(500);
  const baseline = delivered; // the probe's echo, if it arrived late
  let errors = 0;
  const start = performance.now();
  await inBatches(CHAT.messages, CONCURRENCY, async (i) => {
    const r = i % CHAT.runs;
    const sender = r * members + (Math.floor(i / CHAT.runs) % members);
    const response = await fetch(`${apis[i % 2]?.url}/api/runs/${runIds[r]}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessTokens[sender]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: `메시지 ${i}` }),
    });
    await response.arrayBuffer();
    if (!response.ok) errors++;
  });
  const expected = (CHAT.messages - errors) * members;
  // Until everything arrived, or nothing more arrives for a second (senders may not hear their own).
  let last = -1;
  while (delivered - baseline < expected && delivered !== last) {
    last = delivered;
    await sleep(1000);
  }
  const seconds = (performance.now() - start) / 1000 - (delivered - baseline < expected ? 1 : 0);
  return {
    sent: CHAT.messages,
    errors,
    delivered: delivered - baseline,
    expected,
    perSecond: (delivered - baseline) / seconds,
  };
}

function connect(on: ServerProcess, token: string, keep = true): Promise<Socket> {
  // forceNew: one WebSocket per socket, as 2,000 browsers would have.
  const socket = io(on.url, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
  });
  if (keep) sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Runs `fn(0…count-1)` with at most `width` calls in flight. */
async function inBatches(count: number, width: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) await fn(next++);
    }),
  );
}

async function waitFor(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await sleep(50);
}

function percentiles(values: number[]) {
  if (values.length === 0) return { p50: NaN, p99: NaN, max: NaN };
  const sorted = [...values].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) as number };
}

function sumOf(values: (number | undefined)[]): number | undefined {
  let sum = 0;
  for (const v of values) {
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

function verdict(ok: boolean, target: string): string {
  return `${ok ? '✓' : '✗'} target ${target}`;
}

async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await client.query(`drop database if exists ${quoted} with (force)`);
    await client.query(`create database ${quoted}`);
  } finally {
    await client.end();
  }
}
