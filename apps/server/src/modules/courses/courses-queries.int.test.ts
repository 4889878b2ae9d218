import type { CommentPage, Course, CoursePage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newCourse, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { logQueries } from '../../test/query-log.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// The read paths issue 4 benchmarks: the course feed, a course page and a run's comments, each ONE statement
// whatever the page size; and the guest response cache (ADR 006) on them.

let t: TestApp;
let author: TestUser;
let runner: TestUser;
beforeAll(async () => {
  // The response cache is off here: every request below must reach the database to be counted.
  t = await createTestApp({ env: { RESPONSE_CACHE_MS: '0' } });
  [author, runner] = await Promise.all([newUser(t.app, { nickname: '코스장인' }), newUser(t.app)]);
});
afterAll(() => t.close());

const get = (url: string, who?: TestUser, ip = '10.7.0.1') =>
  t.app.inject({ method: 'GET', url, headers: who ? bearer(who) : {}, remoteAddress: ip });

/** SQL statements the request sent to the database driver. */
async function statementsOf(url: string, who?: TestUser, ip?: string): Promise<number> {
  // Comments notify authors, which starts a push/SMS delivery sweep in the background: let it finish first.
  // Sign-up mails a verification link from the outbox in the background: let that sweep finish too.
  await Promise.all([t.services.deliveries.idle(), t.services.mail.idle()]);
  const log = logQueries(t.database);
  try {
    const response = await get(url, who, ip);
    expect(response.statusCode, response.body).toBe(200);
  } finally {
    log.stop();
  }
  return log.queries.length;
}

describe('statements per request', () => {
  let courseId = '';
  beforeAll(async () => {
    for (let i = 0; i < 6; i++) {
      const course = await newCourse(t.app, author, { title: `한강 코스 ${i}` });
      courseId = course.id;
      await t.app.inject({
        method: 'PUT',
        url: `/api/courses/${course.id}/rating`,
        headers: bearer(runner),
        payload: { stars: 1 + (i % 5) },
      });
      if (i % 2 === 1) {
        await t.app.inject({
          method: 'PUT',
          url: `/api/courses/${course.id}/bookmark`,
          headers: bearer(runner),
        });
      }
    }
  });

  it.each([
    ['best', '/api/courses'],
    ['newest', '/api/courses?sort=newest'],
    ['most viewed', '/api/courses?sort=views'],
    ['two regions and a theme', '/api/courses?region=seoul,busan&theme=riverside'],
  ])(
    'the feed sorted %s: one statement for a guest and a runner, whatever the page size',
    async (_s, url) => {
      const sep = url.includes('?') ? '&' : '?';
      for (const who of [undefined, runner]) {
        expect(await statementsOf(`${url}${sep}limit=5`, who)).toBe(1);
        expect(await statementsOf(`${url}${sep}limit=50`, who)).toBe(1);
      }
      const page = (await get(`${url}${sep}limit=50`, runner)).json<CoursePage>();
      expect(page.items.length).toBeGreaterThanOrEqual(6);
      expect(page.items.some((c) => c.myRating !== null && c.bookmarked)).toBe(true);
      expect(page.items.every((c) => c.photos.length === 1)).toBe(true);
    },
  );

  it('a course page: one statement, plus one to count a first view of the day', async () => {
    // A first view counts (one statement), a repeat is known to this instance and costs nothing.
    expect(await statementsOf(`/api/courses/${courseId}`, undefined, '10.7.1.1')).toBe(2);
    expect(await statementsOf(`/api/courses/${courseId}`, undefined, '10.7.1.1')).toBe(1);
    expect(await statementsOf(`/api/courses/${courseId}`, runner)).toBe(2);
    expect(await statementsOf(`/api/courses/${courseId}`, runner)).toBe(1);
    // The author's visits never count.
    expect(await statementsOf(`/api/courses/${courseId}`, author)).toBe(1);
    const page = (await get(`/api/courses/${courseId}`, runner)).json<Course>();
    expect(page).toMatchObject({ views: 2, myRating: 1, bookmarked: true, rating: { average: 1, count: 1 } });
    expect(page.histogram).toEqual([1, 0, 0, 0, 0]);
    expect(page.route.length).toBeGreaterThan(1);
  });

  it("a run's comments: one statement whatever the page size; an empty page checks the run", async () => {
    const run = await newRun(t.app, author);
    for (let i = 0; i < 8; i++) {
      await t.app.inject({
        method: 'POST',
        url: `/api/runs/${run.id}/comments`,
        headers: bearer(runner),
        payload: { content: `질문 ${i}` },
      });
    }
    for (const who of [undefined, runner]) {
      expect(await statementsOf(`/api/runs/${run.id}/comments?limit=5`, who)).toBe(1);
      expect(await statementsOf(`/api/runs/${run.id}/comments?limit=50`, who)).toBe(1);
    }
    const quiet = await newRun(t.app, author);
    expect(await statementsOf(`/api/runs/${quiet.id}/comments`)).toBe(2);
    expect((await get(`/api/runs/${quiet.id}/comments`)).json<CommentPage>().items).toEqual([]);
  });

  it("a cancelled run's comments are gone (404), as the run is", async () => {
    const run = await newRun(t.app, author);
    await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/comments`,
      headers: bearer(runner),
      payload: { content: '취소되나요?' },
    });
    await t.app.inject({ method: 'DELETE', url: `/api/runs/${run.id}`, headers: bearer(author) });
    expect((await get(`/api/runs/${run.id}/comments`)).statusCode).toBe(404);
  });
});

describe('with the guest response cache', () => {
  let cached: TestApp;
  beforeAll(async () => {
    cached = await createTestApp({ env: { RESPONSE_CACHE_MS: '60000' } });
  });
  afterAll(() => cached.close());
  const guest = (url: string, ip: string) => cached.app.inject({ method: 'GET', url, remoteAddress: ip });

  it("counts a guest's view even when the page comes from the cache", async () => {
    const owner = await newUser(cached.app);
    const reader = await newUser(cached.app);
    const course = await newCourse(cached.app, owner);
    const url = `/api/courses/${course.id}`;
    expect((await guest(url, '10.8.0.1')).json<Course>().views).toBe(1);
    // Cached: the same bytes for the next guests, whose views still count.
    const second = await guest(url, '10.8.0.2');
    expect(second.json<Course>().views).toBe(1);
    await guest(url, '10.8.0.3');
    await guest(url, '10.8.0.3');
    const page = await cached.app.inject({ method: 'GET', url, headers: bearer(reader) });
    expect(page.json<Course>().views).toBe(4);
  });

  it('gives a signed-in reader the shared feed page with their own rating and bookmark read fresh', async () => {
    const owner = await newUser(cached.app);
    const reader = await newUser(cached.app);
    const course = await newCourse(cached.app, owner, { title: '공유 페이지 코스' });
    const url = '/api/courses?sort=newest&limit=50';
    const read = async () => {
      const log = logQueries(cached.database);
      const page = await cached.app.inject({ method: 'GET', url, headers: bearer(reader) }).finally(log.stop);
      return { item: page.json<CoursePage>().items.find((c) => c.id === course.id), statements: log.queries };
    };
    const first = await read();
    expect(first.item).toMatchObject({ bookmarked: false, myRating: null });
    // Another instance stores the reader's rating and bookmark: the shared page is older, their own state is not.
    await cached.database.executeSql(
      'insert into course_ratings (course_id, user_id, stars) values ($1, $2, 4)',
      [course.id, reader.user.id],
    );
    await cached.database.executeSql('insert into course_bookmarks (user_id, course_id) values ($1, $2)', [
      reader.user.id,
      course.id,
    ]);
    const second = await read();
    expect(second.item).toMatchObject({ bookmarked: true, myRating: 4, rating: { count: 0 } });
    expect([first.statements.length, second.statements.length]).toEqual([2, 1]);
  });

  it('a new comment shows at once for guests: writing empties the cache', async () => {
    const owner = await newUser(cached.app);
    const run = await newRun(cached.app, owner);
    const url = `/api/runs/${run.id}/comments`;
    expect((await guest(url, '10.8.1.1')).json<CommentPage>().items).toEqual([]);
    await cached.app.inject({ method: 'POST', url, headers: bearer(owner), payload: { content: '공지' } });
    expect((await guest(url, '10.8.1.1')).json<CommentPage>().items.map((c) => c.content)).toEqual(['공지']);
  });

  it('a guest asking for an unknown or malformed course is answered 404/400, and nothing is counted', async () => {
    expect((await guest('/api/courses/00000000-0000-4000-8000-000000000000', '10.8.2.1')).statusCode).toBe(
      404,
    );
    expect((await guest('/api/courses/nope', '10.8.2.1')).statusCode).toBe(400);
  });
});
