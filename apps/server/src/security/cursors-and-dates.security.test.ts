import type { Comment } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newCourse, newRun, newUser, type TestUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { enumOf, type Operation, operationsOf, urlOf } from './operations.ts';

// Issue 12: a cursor holding [1e20, "<uuid>"] or to=9999-99-99 / from=2026-02-31 reached SQL and answered 500.
// Every list the OpenAPI document describes is walked with each sort it offers; none may answer anything but 400.

const ID = '3f1c1a9e-7f38-4a55-9d43-0c1c2b6f1e11';
const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const raw = (json: string) => Buffer.from(json).toString('base64url');

const HOSTILE_CURSORS: Record<string, string> = {
  'a huge number': enc([1e20, ID]),
  'a negative number': enc([-1, ID]),
  'an infinite number': raw(`[1e400,"${ID}"]`),
  'the largest double': enc([Number.MAX_VALUE, ID]),
  'month 99': enc(['9999-99-99T00:00:00.000Z', ID]),
  'February 31st': enc(['2026-02-31T00:00:00.000Z', ID]),
  'the last instant JavaScript knows': enc(['+275760-09-13T00:00:00.000Z', ID]),
  'the first instant JavaScript knows': enc(['-271821-04-20T00:00:00.000Z', ID]),
  'year 9999': enc(['9999-12-31T23:59:59.999Z', ID]),
  'a loose date': enc(['1', ID]),
  'a bare day': enc(['2026-05-01', ID]),
  'not a uuid': enc(['2026-05-01T00:00:00.000Z', 'x'.repeat(36)]),
  'a null key': enc([null, ID]),
  'one element': enc([ID]),
  'an object': enc({ at: '2026-05-01T00:00:00.000Z', id: ID }),
  'not JSON': raw('[[['),
  'not base64url': '!!!!',
  'too long': 'A'.repeat(400),
};

const HOSTILE_DAYS = [
  '9999-99-99',
  '2026-02-31',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '9999-12-31',
  '2026-2-3',
];

let t: TestApp;
let host: TestUser;
let lists: Operation[];
const values: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  t = await createTestApp();
  host = await newUser(t.app);
  const run = await newRun(t.app, host);
  const course = await newCourse(t.app, host);
  const comment = await t.app.inject({
    method: 'POST',
    url: `/api/runs/${run.id}/comments`,
    headers: bearer(host),
    payload: { content: '몇 시에 모이나요?' },
  });
  const commentId = comment.json<Comment>().id;
  const crewId = '00000000-0000-4000-8000-000000000001';
  values.runs = { runId: run.id, id: run.id, commentId, userId: host.user.id, crewId };
  values.courses = { id: course.id, courseId: course.id, commentId };
  lists = (await operationsOf(t.app)).filter((op) => op.method === 'GET');
});
afterAll(() => t.close());

function pathValues(op: Operation): Record<string, string> {
  return op.path.startsWith('/api/courses') ? (values.courses ?? {}) : (values.runs ?? {});
}

/** The operation's URL once per sort it offers (each sort pages by a different key). */
function urlsOf(op: Operation, query: Record<string, string>): string[] {
  const sorts = enumOf(op.query.get('sort'));
  const base = urlOf(op.path, pathValues(op));
  return (sorts.length ? sorts : [undefined]).map((sort) => {
    const params = new URLSearchParams(sort ? { ...query, sort } : query);
    return `${base}?${params.toString()}`;
  });
}

async function expect400(url: string, field: string) {
  const response = await t.app.inject({ method: 'GET', url, headers: bearer(host) });
  expect.soft(response.statusCode, `${url}: ${response.body}`).toBe(400);
  if (response.statusCode === 400) {
    const body = response.json<{ code: string; issues?: { path: unknown[] }[] }>();
    expect.soft(body.code).toBe('VALIDATION_FAILED');
    expect.soft(body.issues?.[0]?.path, url).toEqual(['querystring', field]);
  }
}

describe('cursors and days from a client', () => {
  it('walks a list of every kind (runs, my runs, courses, comments, replies, notifications, chat)', () => {
    const paths = lists.filter((op) => op.query.has('cursor')).map((op) => op.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/runs',
        '/api/me/runs',
        '/api/courses',
        '/api/runs/{id}/comments',
        '/api/courses/{id}/comments',
        '/api/comments/{commentId}/replies',
        '/api/notifications',
        '/api/runs/{runId}/messages',
      ]),
    );
  });

  it.each(Object.entries(HOSTILE_CURSORS))(
    'refuses a cursor holding %s with 400 on every list',
    async (_, cursor) => {
      for (const op of lists.filter((o) => o.query.has('cursor'))) {
        for (const url of urlsOf(op, { cursor })) await expect400(url, 'cursor');
      }
    },
  );

  it('refuses a cursor of another sort (a time where a count is paged, a fraction for a count, and back)', async () => {
    const time = enc(['2026-05-01T00:00:00.000Z', ID]);
    const count = enc([3, ID]);
    await expect400(`/api/runs?sort=popular&cursor=${time}`, 'cursor');
    await expect400(`/api/runs?sort=soonest&cursor=${count}`, 'cursor');
    await expect400(`/api/courses?sort=views&cursor=${time}`, 'cursor');
    await expect400(`/api/courses?sort=newest&cursor=${count}`, 'cursor');
    await expect400(`/api/notifications?cursor=${count}`, 'cursor');
    await expect400(`/api/runs?sort=popular&cursor=${enc([1.5, ID])}`, 'cursor');
    await expect400(`/api/courses?sort=views&cursor=${enc([1.5, ID])}`, 'cursor');
  });

  it.each(HOSTILE_DAYS)(
    'refuses the day %s in from and to with 400 on every list that filters by day',
    async (day) => {
      const filtered = lists.filter((op) => op.query.has('from') && op.query.has('to'));
      expect(filtered.map((op) => op.path)).toEqual(expect.arrayContaining(['/api/runs', '/api/me/runs']));
      for (const op of filtered) {
        for (const field of ['from', 'to']) {
          for (const url of urlsOf(op, { [field]: day })) await expect400(url, field);
        }
      }
    },
  );

  it('still pages with the cursors it hands out', async () => {
    for (const sort of ['soonest', 'newest', 'popular']) {
      await newRun(t.app, host);
      const first = await t.app.inject({ method: 'GET', url: `/api/runs?sort=${sort}&limit=1` });
      const { nextCursor } = first.json<{ nextCursor: string | null }>();
      expect(nextCursor).not.toBeNull();
      const next = await t.app.inject({
        method: 'GET',
        url: `/api/runs?sort=${sort}&limit=1&cursor=${nextCursor ?? ''}`,
      });
      expect(next.statusCode).toBe(200);
    }
  });
});
