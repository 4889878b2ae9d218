import {
  type Course,
  type CoursePage,
  type ErrorBody,
  type RatingResult,
  routeDistanceKm,
} from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  courseBody,
  HAN_RIVER_ROUTE,
  newCourse,
  newPhoto,
  newUser,
  newUsers,
  type TestUser,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
let t: TestApp;
let author: TestUser;
beforeAll(async () => {
  t = await createTestApp({ clock });
  author = await newUser(t.app, { nickname: '코스장인' });
});
afterAll(() => t.close());

const get = (id: string, who?: { accessToken: string }, ip = '10.1.0.1') =>
  t.app.inject({
    method: 'GET',
    url: `/api/courses/${id}`,
    headers: who ? bearer(who) : {},
    remoteAddress: ip,
  });
const rate = (id: string, who: { accessToken: string }, stars: unknown) =>
  t.app.inject({ method: 'PUT', url: `/api/courses/${id}/rating`, headers: bearer(who), payload: { stars } });

describe('POST /api/courses', () => {
  it('creates a course with server-computed distance and estimated time', async () => {
    const course = await newCourse(t.app, author);
    expect(course).toMatchObject({
      title: '반포 달빛무지개 코스',
      region: 'seoul',
      theme: 'riverside',
      toilets: '광장 옆 화장실',
      water: null,
      rating: { average: 0, count: 0 },
      views: 0,
      author: { id: author.user.id, nickname: '코스장인' },
      histogram: [0, 0, 0, 0, 0],
    });
    expect(course.distanceKm).toBe(routeDistanceKm(HAN_RIVER_ROUTE));
    expect(course.estimatedMinutes).toBe(Math.ceil((course.distanceKm * 360) / 60));
    expect(course.photos).toHaveLength(1);
  });

  it.each([
    ['no photo', { photoIds: [] }],
    [
      'six photos',
      { photoIds: Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`) },
    ],
    ['a one-point route', { route: [[37.5, 127]] }],
    ['an unknown region', { region: 'atlantis' }],
    ['a note over 100 characters', { water: '물'.repeat(101) }],
  ])('refuses %s with 400', async (_name, overrides) => {
    const payload = await courseBody(t.app, author, overrides);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: bearer(author),
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
  });

  it('answers 401 to a guest', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/courses',
      payload: await courseBody(t.app, author),
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('ratings', () => {
  it('one rating per user, changeable; average and count exact; the author cannot rate (403)', async () => {
    const course = await newCourse(t.app, author);
    const [a, b] = [await newUser(t.app), await newUser(t.app)];
    expect((await rate(course.id, a, 5)).json<RatingResult>()).toEqual({ average: 5, count: 1, mine: 5 });
    expect((await rate(course.id, b, 4)).json<RatingResult>()).toEqual({ average: 4.5, count: 2, mine: 4 });
    expect((await rate(course.id, a, 2)).json<RatingResult>()).toEqual({ average: 3, count: 2, mine: 2 });
    const own = await rate(course.id, author, 5);
    expect(own.statusCode).toBe(403);
    expect(own.json<ErrorBody>().code).toBe('OWN_COURSE');
    const page = (await get(course.id, a)).json<Course>();
    expect(page).toMatchObject({ myRating: 2, histogram: [0, 1, 0, 1, 0], rating: { average: 3, count: 2 } });
  });

  it.each([0, 6, 3.5, '5', null])('refuses %j stars with 400', async (stars) => {
    const course = await newCourse(t.app, author);
    const rater = await newUser(t.app);
    expect((await rate(course.id, rater, stars)).statusCode).toBe(400);
  });

  it('50 concurrent ratings give the exact average and count', async () => {
    const course = await newCourse(t.app, author);
    const raters = await newUsers(t.app, 50);
    const stars = raters.map((_, i) => (i % 5) + 1);
    const results = await Promise.all(raters.map((r, i) => rate(course.id, r, stars[i])));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const page = (await get(course.id)).json<Course>();
    expect(page.rating).toEqual({ average: 3, count: 50 });
    expect(page.histogram).toEqual([10, 10, 10, 10, 10]);
  });

  it('a rating on an unknown course answers 404', async () => {
    const rater = await newUser(t.app);
    expect((await rate('00000000-0000-4000-8000-000000000000', rater, 4)).statusCode).toBe(404);
  });
});

describe('feed and best', () => {
  it('ranks by Bayesian average: forty 4.8s beat a single 5', async () => {
    const region = 'jeju';
    const lone = await newCourse(t.app, author, { region, title: '한 명의 별점 코스' });
    const loved = await newCourse(t.app, author, { region, title: '사랑받는 코스' });
    const raters = await newUsers(t.app, 40);
    const first = raters[0];
    if (!first) throw new Error('raters');
    await rate(lone.id, first, 5);
    // 32 fives and 8 fours: 4.8 on average.
    await Promise.all(raters.map((r, i) => rate(loved.id, r, i < 32 ? 5 : 4)));
    const page = (
      await t.app.inject({ method: 'GET', url: `/api/courses?region=${region}&sort=best` })
    ).json<CoursePage>();
    expect(page.items.map((c) => c.title)).toEqual(['사랑받는 코스', '한 명의 별점 코스']);
  });

  it('filters by region and theme, pages with a cursor without repeats', async () => {
    const mine = await newUser(t.app);
    for (let i = 0; i < 5; i++)
      await newCourse(t.app, mine, {
        region: 'ulsan',
        theme: i % 2 ? 'park' : 'beach',
        title: `울산 코스 ${i}`,
      });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/courses?region=ulsan&theme=park,beach&sort=newest&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: CoursePage = (await t.app.inject({ method: 'GET', url })).json<CoursePage>();
      seen.push(...page.items.map((c) => c.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['울산 코스 4', '울산 코스 3', '울산 코스 2', '울산 코스 1', '울산 코스 0']);
    const parks = (
      await t.app.inject({ method: 'GET', url: '/api/courses?region=ulsan&theme=park' })
    ).json<CoursePage>();
    expect(parks.items).toHaveLength(2);
    expect((await t.app.inject({ method: 'GET', url: '/api/courses?sort=stars' })).statusCode).toBe(400);
  });
});

describe('views', () => {
  it('counts once per viewer per day, for users and guests', async () => {
    const course = await newCourse(t.app, author);
    const viewer = await newUser(t.app);
    await get(course.id, viewer);
    await get(course.id, viewer);
    await get(course.id, undefined, '10.9.9.9');
    await get(course.id, undefined, '10.9.9.9');
    const page = (await get(course.id, viewer)).json<Course>();
    expect(page.views).toBe(2);
  });

  it('shows the counted view in the same response, and counts concurrent first visits once', async () => {
    const course = await newCourse(t.app, author);
    const viewer = await newUser(t.app);
    expect((await get(course.id, viewer)).json<Course>().views).toBe(1);
    const other = await newUser(t.app);
    const pages = await Promise.all(Array.from({ length: 6 }, () => get(course.id, other)));
    expect(pages.map((p) => p.statusCode)).toEqual(Array(6).fill(200));
    expect((await get(course.id, viewer)).json<Course>().views).toBe(2);
  });

  it("never counts the author's own visits (the page or its edit form), signed in from any address", async () => {
    const course = await newCourse(t.app, author);
    await get(course.id, author, '10.2.0.1');
    await get(course.id, author, '10.2.0.2');
    expect((await get(course.id, author)).json<Course>().views).toBe(0);
    // The same address as a guest is somebody else as far as the count knows.
    expect((await get(course.id, undefined, '10.2.0.1')).json<Course>().views).toBe(1);
  });

  it('counts the same viewer again on the next Seoul day', async () => {
    const course = await newCourse(t.app, author);
    try {
      // 23:30 and 23:55 in Seoul, then 00:05 the next day.
      clock.offsetMs = Date.parse('2026-12-01T14:30:00Z') - Date.now();
      await get(course.id, undefined, '10.3.0.1');
      clock.offsetMs = Date.parse('2026-12-01T14:55:00Z') - Date.now();
      expect((await get(course.id, undefined, '10.3.0.1')).json<Course>().views).toBe(1);
      clock.offsetMs = Date.parse('2026-12-01T15:05:00Z') - Date.now();
      expect((await get(course.id, undefined, '10.3.0.1')).json<Course>().views).toBe(2);
    } finally {
      clock.offsetMs = 0;
    }
  });
});

describe('edit, delete, bookmark', () => {
  it('an edit that leaves the description out keeps it', async () => {
    const course = await newCourse(t.app, author, { description: '설명 있음' });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/courses/${course.id}`,
      headers: bearer(author),
      payload: { title: '제목만 바꿈' },
    });
    expect(response.json<Course>()).toMatchObject({ title: '제목만 바꿈', description: '설명 있음' });
    expect(response.json<Course>().photos).toHaveLength(1);
  });

  it('the author edits; others get 403; delete removes the course and its photo files', async () => {
    const course = await newCourse(t.app, author);
    const other = await newUser(t.app);
    const url = `/api/courses/${course.id}`;
    expect(
      (await t.app.inject({ method: 'PATCH', url, headers: bearer(other), payload: { title: '남의 코스' } }))
        .statusCode,
    ).toBe(403);
    const edited = await t.app.inject({
      method: 'PATCH',
      url,
      headers: bearer(author),
      payload: { title: '새 이름 코스', water: '편의점' },
    });
    expect(edited.json<Course>()).toMatchObject({
      title: '새 이름 코스',
      water: '편의점',
      toilets: '광장 옆 화장실',
    });
    expect((await t.app.inject({ method: 'DELETE', url, headers: bearer(other) })).statusCode).toBe(403);
    const photoUrl = course.photos[0]?.urls.small ?? '';
    expect((await t.app.inject({ method: 'GET', url: photoUrl })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url, headers: bearer(author) })).statusCode).toBe(204);
    expect((await get(course.id)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: photoUrl })).statusCode).toBe(404);
  });

  it('bookmarks count once per user and show for the caller', async () => {
    const course = await newCourse(t.app, author);
    const fan = await newUser(t.app);
    const url = `/api/courses/${course.id}/bookmark`;
    expect((await t.app.inject({ method: 'PUT', url, headers: bearer(fan) })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'PUT', url, headers: bearer(fan) })).statusCode).toBe(204);
    expect((await get(course.id, fan)).json<Course>()).toMatchObject({ bookmarked: true, bookmarkCount: 1 });
    expect((await t.app.inject({ method: 'DELETE', url, headers: bearer(fan) })).statusCode).toBe(204);
    expect((await get(course.id, fan)).json<Course>()).toMatchObject({ bookmarked: false, bookmarkCount: 0 });
    expect((await t.app.inject({ method: 'PUT', url })).statusCode).toBe(401);
  });

  it('lists the caller’s bookmarked courses; guests asking for bookmarks get 401', async () => {
    const fan = await newUser(t.app);
    const [kept, other] = [await newCourse(t.app, author), await newCourse(t.app, author)];
    await t.app.inject({ method: 'PUT', url: `/api/courses/${kept.id}/bookmark`, headers: bearer(fan) });
    const page = (
      await t.app.inject({
        method: 'GET',
        url: '/api/courses?bookmarked=true&sort=newest',
        headers: bearer(fan),
      })
    ).json<CoursePage>();
    expect(page.items.map((c) => c.id)).toEqual([kept.id]);
    expect(page.items.map((c) => c.id)).not.toContain(other.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/courses?bookmarked=true' })).statusCode).toBe(401);
  });

  it('a photo can belong to one course only (409) and must be the author’s (404)', async () => {
    const photo = await newPhoto(t.app, author);
    await newCourse(t.app, author, { photoIds: [photo] });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: bearer(author),
      payload: await courseBody(t.app, author, { photoIds: [photo] }),
    });
    expect(again.statusCode).toBe(409);
    const stranger = await newUser(t.app);
    const theirs = await t.app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: bearer(stranger),
      payload: await courseBody(t.app, author),
    });
    expect(theirs.statusCode).toBe(404);
  });
});
