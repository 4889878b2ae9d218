import type { CommentPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { bearer, newRun, newUser } from '../test/factories.ts';
import { LogCapture, startPrivatePostgres, until, type PrivatePostgres } from '../test/faults.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

/**
 * Issue 13, finding 7, with a real server going away: the app's PostgreSQL is a private instance the test
 * stops (`pg_ctl stop -m fast`: every session is terminated with 57P01, then connections are refused) and
 * crashes (`-m immediate`), then starts again. Throughout: writes answer 503 with Retry-After, never 500;
 * liveness stays 200 and readiness 503; after the restart the same process serves again and every
 * acknowledged write is there.
 */
describe('PostgreSQL stopped and restarted', { timeout: 180_000 }, () => {
  let server: PrivatePostgres;
  let database: Database;
  let t: TestApp;
  const log = new LogCapture();

  beforeAll(async () => {
    server = await startPrivatePostgres();
    database = await openDatabase({
      url: server.url,
      dataDir: undefined,
      poolSize: 5,
      connectTimeoutMs: 1000,
      statementTimeoutMs: 2000,
    });
    await database.migrate();
    t = await createTestApp({ database, logStream: log, redisUrl: null });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await database?.close().catch(() => undefined);
    await server?.destroy();
  });

  it('answers 503 with Retry-After while it is down, and keeps every acknowledged write', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host);
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    const comment = async (content: string) => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/runs/${run.id}/comments`,
        headers: bearer(host),
        payload: { content },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 201) acknowledged.push(content);
      return response;
    };
    const probe = async (url: string) => (await t.app.inject({ method: 'GET', url })).statusCode;

    for (const n of [1, 2, 3]) expect((await comment(`before ${n}`)).statusCode).toBe(201);

    const ended = () => log.lines.filter((l) => l.msg.startsWith('database unavailable for')).length;
    for (const [n, mode] of (['fast', 'immediate'] as const).entries()) {
      await server.stop(mode);
      // The pool still holds connections the server has just ended: the first request meets one of them.
      for (let i = 0; i < 10; i++) {
        const response = await comment(`${mode} down ${i}`);
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBe('5');
        expect(response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      }
      expect(await probe('/api/health')).toBe(200);
      expect(await probe('/api/ready')).toBe(503);

      await server.start();
      await until('readiness after the restart', async () => (await probe('/api/ready')) === 200, 30_000);
      // The outage ends when its probe (every second) reaches the database again: one log line for it.
      await until('the end of the outage to be logged', () => ended() === n + 1);
      expect((await comment(`after ${mode}`)).statusCode).toBe(201);
    }

    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    const page = await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}/comments?limit=50` });
    const stored = page.json<CommentPage>().items.map((c) => c.content);
    expect(stored.sort()).toEqual([...acknowledged].sort());
    expect(log.problems().filter((l) => l.msg.startsWith('database unavailable:'))).toHaveLength(2);
  });
});
