import type { Run, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser } from '../test/factories.ts';
import { logQueries } from '../test/query-log.ts';
import { createTestApp, createTwoProcesses, type TestApp } from '../test/test-app.ts';
import { testRedisUrl } from '../test/test-env.ts';

/**
 * ADR 025: a signed-in page's own part (the reader's state on runs, the runs only they see) is kept per process
 * and forgotten on every process by any committed write, so a reader is as cheap as a guest and never sees their
 * own state older than the last write, wherever it was made.
 */

async function read<T>(app: TestApp, url: string, who: TestUser): Promise<{ body: T; statements: number }> {
  const log = logQueries(app.database);
  const response = await app.app
    .inject({ method: 'GET', url, headers: bearer(who) })
    .finally(() => log.stop());
  expect(response.statusCode).toBe(200);
  return { body: response.json<T>(), statements: log.queries.length };
}

const join = (app: TestApp, runId: string, who: TestUser) =>
  app.app.inject({ method: 'POST', url: `/api/runs/${runId}/participants`, headers: bearer(who) });

/** Whether this deployment keeps readers' data: one process on the embedded database, or any with Redis. */
const keeps = (app: TestApp) => app.redis !== undefined || app.database.kind === 'pglite';

describe('one process', () => {
  let t: TestApp;
  let host: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    host = await newUser(t.app, { nickname: '캐시호스트' });
  });
  afterAll(async () => t.close());

  it('reads a reader’s run page and feed without a statement once it knows them, and shows their own join at once', async () => {
    const run = await newRun(t.app, host, { capacity: 3 });
    const reader = await newUser(t.app, { nickname: '캐시러너' });
    await read(t, `/api/runs/${run.id}`, reader);
    await read(t, '/api/runs?limit=50', reader);
    const again = await read<Run>(t, `/api/runs/${run.id}`, reader);
    const feed = await read<RunPage>(t, '/api/runs?limit=50', reader);
    expect([again.statements, feed.statements]).toEqual(keeps(t) ? [0, 0] : [1, 2]);
    expect(again.body.myStatus).toBeNull();

    expect((await join(t, run.id, reader)).statusCode).toBe(201);
    expect((await read<Run>(t, `/api/runs/${run.id}`, reader)).body.myStatus).toBe('joined');
    const after = await read<RunPage>(t, '/api/runs?limit=50', reader);
    expect(after.body.items.find((item) => item.id === run.id)?.myStatus).toBe('joined');
  });

  it('shows what someone else’s write changed of the reader at once: the queue moving, a removal', async () => {
    const run = await newRun(t.app, host, { capacity: 2 });
    const [ahead, reader] = [await newUser(t.app), await newUser(t.app)];
    expect((await join(t, run.id, ahead)).json()).toMatchObject({ status: 'joined' });
    expect((await join(t, run.id, reader)).json()).toMatchObject({ status: 'waitlisted', position: 1 });
    const third = await newUser(t.app);
    await join(t, run.id, third);
    await read(t, `/api/runs/${run.id}`, third);
    expect((await read<Run>(t, `/api/runs/${run.id}`, third)).body.waitlistPosition).toBe(2);

    const left = await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}/participants/me`,
      headers: bearer(ahead),
    });
    expect(left.statusCode).toBe(204);
    expect((await read<Run>(t, `/api/runs/${run.id}`, third)).body).toMatchObject({
      myStatus: 'waitlisted',
      waitlistPosition: 1,
    });

    await read(t, `/api/runs/${run.id}`, reader);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}/participants/${reader.user.id}`,
      headers: bearer(host),
      payload: { reason: '노쇼가 잦아요' },
    });
    expect(removed.statusCode).toBe(204);
    expect((await read<Run>(t, `/api/runs/${run.id}`, reader)).body).toMatchObject({
      myStatus: null,
      removedByHost: true,
    });
  });

  it('forgets on a unit of work committed outside any request (a job’s), and on a bookmark', async () => {
    const run = await newRun(t.app, host);
    const reader = await newUser(t.app, { nickname: '작업러너' });
    await read(t, `/api/runs/${run.id}`, reader);
    await read(t, `/api/runs/${run.id}`, reader);
    // As a worker would: through the service, no HTTP request, so no response hook.
    await t.services.participation.join(run.id, reader.user.id);
    expect((await read<Run>(t, `/api/runs/${run.id}`, reader)).body.myStatus).toBe('joined');

    const marked = await t.app.inject({
      method: 'PUT',
      url: `/api/runs/${run.id}/bookmark`,
      headers: bearer(reader),
    });
    expect(marked.statusCode).toBeLessThan(300);
    expect((await read<Run>(t, `/api/runs/${run.id}`, reader)).body.bookmarked).toBe(true);
  });

  it('keeps nothing that a write came during: a read under way when it committed is read again next time', async () => {
    const run = await newRun(t.app, host);
    const reader = await newUser(t.app, { nickname: '경합러너' });
    // The read and the join race; whatever the read saw, the next one shows the join.
    const [, joined] = await Promise.all([read(t, `/api/runs/${run.id}`, reader), join(t, run.id, reader)]);
    expect(joined.statusCode).toBe(201);
    expect((await read<Run>(t, `/api/runs/${run.id}`, reader)).body.myStatus).toBe('joined');
  });
});

describe.skipIf(testRedisUrl() === undefined)('two processes sharing Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let host: TestUser;

  beforeAll(async () => {
    ({ a, b } = await createTwoProcesses());
    host = await newUser(a.app, { nickname: '두프로세스호스트' });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** A reader whose page of this run B holds (once B's subscriber has subscribed). */
  async function knownOnB(runId: string): Promise<TestUser> {
    const reader = await newUser(a.app);
    await expect
      .poll(async () => (await read(b, `/api/runs/${runId}`, reader)).statements, { timeout: 10_000 })
      .toBe(0);
    return reader;
  }

  it('a join on A shows on B on the very next read, run page and feed', async () => {
    const run = await newRun(a.app, host);
    const reader = await knownOnB(run.id);
    await read(b, '/api/runs?limit=50', reader);
    expect((await join(a, run.id, reader)).statusCode).toBe(201);
    expect((await read<Run>(b, `/api/runs/${run.id}`, reader)).body.myStatus).toBe('joined');
    const feed = await read<RunPage>(b, '/api/runs?limit=50', reader);
    expect(feed.body.items.find((item) => item.id === run.id)?.myStatus).toBe('joined');
  });

  it('with B’s subscriber down, B reads from the database; back, it keeps again', async () => {
    const run = await newRun(a.app, host);
    const reader = await knownOnB(run.id);
    const sub = b.redis?.sub;
    if (!sub) throw new Error('B has no subscriber');
    sub.stream.destroy();
    await expect.poll(() => sub.status).not.toBe('ready');
    // A's write cannot be heard by B now: B must not answer from what it held.
    expect((await join(a, run.id, reader)).statusCode).toBe(201);
    const meanwhile = await read<Run>(b, `/api/runs/${run.id}`, reader);
    expect(meanwhile.body.myStatus).toBe('joined');
    expect(meanwhile.statements).toBeGreaterThan(0);

    await expect.poll(() => sub.status, { timeout: 10_000 }).toBe('ready');
    await expect
      .poll(async () => (await read(b, `/api/runs/${run.id}`, reader)).statements, { timeout: 10_000 })
      .toBe(0);
  });
});
