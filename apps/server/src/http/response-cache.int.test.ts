import type { Run, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser } from '../test/factories.ts';
import { logQueries } from '../test/query-log.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let host: TestUser;
beforeAll(async () => {
  t = await createTestApp({ env: { RESPONSE_CACHE_MS: '1000' } });
  host = await newUser(t.app, { nickname: '크루장' });
});
afterAll(() => t.close());

async function read(url: string, who?: TestUser) {
  // Joins notify the host, which starts a push/SMS delivery sweep in the background: let it finish first.
  // Sign-up mails a verification link from the outbox in the background: let that sweep finish too.
  await Promise.all([t.services.deliveries.idle(), t.services.mail.idle()]);
  const log = logQueries(t.database);
  const response = await t.app
    .inject({ method: 'GET', url, headers: who ? bearer(who) : {} })
    .finally(log.stop);
  return { response, statements: log.queries.length };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('response cache for guests (ADR 006)', () => {
  it('serves a guest the same bytes from memory, with the same headers', async () => {
    const run = await newRun(t.app, host);
    const first = await read(`/api/runs/${run.id}`);
    const second = await read(`/api/runs/${run.id}`);
    expect(first.statements).toBe(1);
    expect(second.statements).toBe(0);
    expect(second.response.body).toBe(first.response.body);
    expect(second.response.headers['content-type']).toBe(first.response.headers['content-type']);
    expect(second.response.headers['content-security-policy']).toBe(
      first.response.headers['content-security-policy'],
    );
    expect(second.response.headers['x-request-id']).not.toBe(first.response.headers['x-request-id']);
  });

  it('forgets everything at the first successful write through this instance', async () => {
    const url = `/api/runs?hostId=${host.user.id}&limit=50`;
    const before = (await read(url)).response.json<RunPage>();
    const posted = await newRun(t.app, host, { title: '방금 올린 러닝' });
    const after = await read(url);
    expect(after.statements).toBe(1);
    expect(after.response.json<RunPage>().items.map((r) => r.id)).toContain(posted.id);
    expect(after.response.json<RunPage>().items).toHaveLength(before.items.length + 1);

    const runner = await newUser(t.app);
    await read(`/api/runs/${posted.id}`);
    await t.app.inject({
      method: 'POST',
      url: `/api/runs/${posted.id}/participants`,
      headers: bearer(runner),
    });
    expect((await read(`/api/runs/${posted.id}`)).response.json<Run>().participantCount).toBe(2);
  });

  it('gives a signed-in caller the shared page with their own state, never the cached bytes', async () => {
    const run = await newRun(t.app, host);
    const once = await read(`/api/runs/${run.id}`, host);
    const twice = await read(`/api/runs/${run.id}`, host);
    // The guest's page, then the host's own state; next time both are held (ADR 025), until a write.
    expect([once.statements, twice.statements]).toEqual([2, 0]);
    expect(twice.response.json<Run>().myStatus).toBe('joined');
    expect((await read(`/api/runs/${run.id}`)).response.json<Run>().myStatus).toBeNull();

    // Another instance writes the runner's seat and bookmark: the shared page is older, their state is not.
    const runner = await newUser(t.app);
    await t.database.executeSql(
      `insert into run_participants (run_id, user_id, status, created_at) values ($1, $2, 'waitlisted', now())`,
      [run.id, runner.user.id],
    );
    await t.database.executeSql('insert into run_bookmarks (user_id, run_id) values ($1, $2)', [
      runner.user.id,
      run.id,
    ]);
    const theirs = (await read(`/api/runs/${run.id}`, runner)).response.json<Run>();
    expect(theirs).toMatchObject({ myStatus: 'waitlisted', waitlistPosition: 1, bookmarked: true });
    expect((await read(`/api/runs/${run.id}`, host)).response.json<Run>()).toMatchObject({
      myStatus: 'joined',
      bookmarked: false,
    });

    // The feed the same way; "my bookmarks" is the caller's own page and read whole.
    const feed = (await read('/api/runs?limit=50', runner)).response.json<RunPage>();
    expect(feed.items.find((item) => item.id === run.id)).toMatchObject({ myStatus: 'waitlisted' });
    expect(feed.items.filter((item) => item.myStatus !== null).map((item) => item.id)).toEqual([run.id]);
    const marked = (await read('/api/runs?bookmarked=true', runner)).response.json<RunPage>();
    expect(marked.items.map((item) => item.id)).toEqual([run.id]);
  });

  it('one database read for many guests asking at once', async () => {
    const run = await newRun(t.app, host);
    const log = logQueries(t.database);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => t.app.inject({ method: 'GET', url: `/api/runs/${run.id}` })),
    ).finally(log.stop);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(log.queries).toHaveLength(1);
  });

  it('keeps no error, and shows a change made elsewhere (another instance) within the TTL', async () => {
    expect((await read('/api/runs/00000000-0000-4000-8000-000000000000')).response.statusCode).toBe(404);
    expect((await read('/api/runs/00000000-0000-4000-8000-000000000000')).statements).toBe(1);

    const run = await newRun(t.app, host, { title: '원래 제목' });
    await read(`/api/runs/${run.id}`);
    await t.database.executeSql('update runs set title = $1 where id = $2', [
      '다른 인스턴스가 바꾼 제목',
      run.id,
    ]);
    expect((await read(`/api/runs/${run.id}`)).response.json<Run>().title).toBe('원래 제목');
    await sleep(1100);
    expect((await read(`/api/runs/${run.id}`)).response.json<Run>().title).toBe('다른 인스턴스가 바꾼 제목');
  });
});
