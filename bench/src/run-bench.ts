/**
 * `npm run bench`: the API under load next to a bare Node server on the same machine, printing req/s,
 * p50/p99 and the ratio to bare Node. A benchmark, not a test: it prints figures and fails only on errors.
 * BENCH_SECONDS (default 20) sets each run's length; DATABASE_URL runs the API on PostgreSQL.
 */
import { measure, printTable, type Figures } from './load.ts';
import { startApi, startBareNode } from './servers.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const bare = await startBareNode(3201);
const baseline = await measure({ name: 'bare node http "ok"', url: bare.url }, seconds);
await bare.stop();

const api = await startApi(3202);
const email = `bench-${Date.now()}@example.com`;
const signup = await fetch(`${api.url}/api/auth/signup`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email, password: 'bench-pass-2026', nickname: '벤치러너' }),
});
const { accessToken } = (await signup.json()) as { accessToken: string };

const rows: Figures[] = [];
rows.push(await measure({ name: 'GET /api/health', url: `${api.url}/api/health` }, seconds));
rows.push(
  await measure(
    {
      name: 'GET /api/me (JWT + 2 queries)',
      url: `${api.url}/api/me`,
      headers: { authorization: `Bearer ${accessToken}` },
    },
    seconds,
  ),
);
await api.stop();

console.log(
  `\n${seconds} s per scenario, 50 connections, after a warm-up; database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}\n`,
);
printTable(rows, baseline);
const failed = rows.some((r) => r.errors + r.non2xx > 0);
process.exit(failed ? 1 : 0);
