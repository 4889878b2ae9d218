import type { CommentPage } from '@erun/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { bearer, newRun, newUser } from '../test/factories.ts';
import { LogCapture, startTcpProxy, until, type TcpProxy } from '../test/faults.ts';
import { sampleOf } from '../test/prometheus.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { testDatabaseUrl, withDatabase } from '../test/test-env.ts';

/**
 * Issue 13, finding 7: PostgreSQL away answers 503 SERVICE_UNAVAILABLE with Retry-After (not 500), logs the
 * outage once (not a stack per request), and the app recovers without losing an acknowledged write. The app's
 * database sits behind a proxy that the test cuts (connections refused) and freezes (accepted, never answered);
 * the shared PostgreSQL itself is never touched. Always on PostgreSQL (the embedded database cannot go away).
 */
const METRICS_TOKEN = 'fault-scrape-token-0123456789';

describe('PostgreSQL unavailable', { timeout: 120_000 }, () => {
  const name = `erun_fault_db_${inject('runId')}_${process.pid}`;
  let admin: pg.Client;
  let proxy: TcpProxy;
  let database: Database;
  let t: TestApp;
  const log = new LogCapture();

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const target = new URL(testDatabaseUrl());
    proxy = await startTcpProxy(Number(target.port || 5432), target.hostname);
    const url = new URL(withDatabase(testDatabaseUrl(), name));
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    database = await openDatabase({
      url: url.toString(),
      dataDir: undefined,
      poolSize: 5,
      connectTimeoutMs: 1000,
      statementTimeoutMs: 2000,
    });
    await database.migrate();
    t = await createTestApp({
      database,
      logStream: log,
      redisUrl: null,
      env: { METRICS_TOKEN: METRICS_TOKEN },
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await database?.close().catch(() => undefined);
    await proxy?.close();
    if (admin) {
      await admin.query(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      await admin.end();
    }
  });

  it('answers 503 with Retry-After while it is away, logs it once, and recovers with every acknowledged write', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host);
    const comment = (content: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/runs/${run.id}/comments`,
        headers: bearer(host),
        payload: { content },
      });
    const acknowledged: string[] = [];
    for (const n of [1, 2, 3])
      if ((await comment(`before ${n}`)).statusCode === 201) acknowledged.push(`before ${n}`);
    expect(acknowledged).toHaveLength(3);
    const linesBefore = log.problems().length;
    const databaseUp = async () => {
      // The scrape itself answers whatever the database does (its reads give up after a short timeout).
      const response = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(response.statusCode).toBe(200);
      return sampleOf(response.body, 'erun_database_up');
    };
    expect(await databaseUp()).toBe(1);

    proxy.set('refuse');
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await comment(`during ${i}`);
      statuses.push(response.statusCode);
      if (response.statusCode === 201) acknowledged.push(`during ${i}`);
      if (i === 0) {
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBe('5');
        expect(response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      }
    }
    expect(new Set(statuses)).toEqual(new Set([503]));
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(await databaseUp()).toBe(0);

    // Frozen (a partition): the pool gives up after its connection timeout instead of hanging.
    proxy.set('freeze');
    const started = performance.now();
    const frozen = await comment('frozen');
    const frozenMs = performance.now() - started;
    expect(frozen.statusCode).toBe(503);
    expect(frozenMs).toBeLessThan(1000 + 2000);
    expect(await databaseUp()).toBe(0);

    proxy.set('open');
    await until('the end of the outage to be logged', () =>
      log.lines.some((l) => l.msg.startsWith('database unavailable for')),
    );
    const after = await comment('after');
    expect(after.statusCode).toBe(201);
    acknowledged.push('after');
    await until('the database to be reported up', async () => (await databaseUp()) === 1);

    const problems = log.problems().slice(linesBefore);
    console.info(
      `PostgreSQL away: 31 writes answered ${[...new Set([...statuses, frozen.statusCode])].join('/')} ` +
        `(frozen: ${frozenMs.toFixed(0)} ms); ${problems.length} log lines at warn or above: ` +
        problems.map((l) => JSON.stringify(l.msg)).join(', '),
    );
    expect(problems.filter((l) => l.msg.startsWith('database unavailable:'))).toHaveLength(1);
    expect(problems.find((l) => l.msg.startsWith('database unavailable for'))).toMatchObject({
      requests: 31,
    });
    expect(problems.length).toBeLessThanOrEqual(3);

    const page = await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}/comments?limit=50` });
    const stored = page.json<CommentPage>().items.map((c) => c.content);
    expect(stored.sort()).toEqual([...acknowledged].sort());
  });
});
