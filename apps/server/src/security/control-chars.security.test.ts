import { type Comment, FORBIDDEN_TEXT_CHARS, type Run } from '@erun/contracts';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, courseBody, newCourse, newRun, newUser, runBody, type TestUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { bodyWith, type Operation, operationsOf, stringFieldsOf, urlOf } from './operations.ts';

// Issue 12: U+0000 in any text answered 500 (PostgreSQL refuses it); U+0001 and friends were stored and made the
// GPX export invalid XML. Every operation the OpenAPI document describes is swept: any string it takes, in the
// body, the query string or the path, answers 400 and stores nothing.

const CHARS = {
  'U+0000': '\u0000',
  'U+0001': '\u0001',
  'U+001F': '\u001f',
  'U+FFFE': '\ufffe',
  'a lone surrogate': '\ud800',
};

let t: TestApp;
let host: TestUser;
let run: Run;
let operations: Operation[];
const values: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  host = await newUser(t.app);
  run = await newRun(t.app, host);
  const course = await newCourse(t.app, host);
  const comment = await t.app.inject({
    method: 'POST',
    url: `/api/runs/${run.id}/comments`,
    headers: bearer(host),
    payload: { content: '몇 시에 모이나요?' },
  });
  Object.assign(values, {
    runId: run.id,
    courseId: course.id,
    commentId: comment.json<Comment>().id,
    userId: host.user.id,
    sessionId: '00000000-0000-4000-8000-000000000000',
    crewId: '00000000-0000-4000-8000-000000000000',
    seriesId: '00000000-0000-4000-8000-000000000000',
    provider: 'kakao',
    file: 'abcdefghijklmnopqrstuvwx.ics',
    announcementId: '00000000-0000-4000-8000-000000000002',
    kind: 'run',
    messageId: '00000000-0000-4000-8000-000000000003',
    reportId: '00000000-0000-4000-8000-000000000004',
    savedSearchId: '00000000-0000-4000-8000-000000000005',
  });
  operations = await operationsOf(t.app);
});
afterAll(() => t.close());

function pathValues(op: Operation): Record<string, string> {
  const id = op.path.startsWith('/api/courses') ? (values.courseId ?? '') : (values.runId ?? '');
  return { ...values, id };
}

/** Every row of every table of ours, hashed: equal before and after means nothing was written. */
async function fingerprint(): Promise<string> {
  const { rows } = await t.database.executeSql(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts: string[] = [];
  for (const { table_name: table } of rows as { table_name: string }[]) {
    const { rows: hash } = await t.database.executeSql(
      `select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${table}" x`,
    );
    parts.push(`${table}:${JSON.stringify(hash[0])}`);
  }
  return parts.join('\n');
}

async function expectRefused(method: Operation['method'], url: string, payload: unknown, where: unknown[]) {
  const response = await t.app.inject({
    method,
    url,
    headers: bearer(host),
    ...(payload ? { payload } : {}),
  });
  const label = `${method} ${url} ${JSON.stringify(payload) ?? ''}`;
  expect.soft(response.statusCode, `${label}: ${response.body}`).toBe(400);
  if (response.statusCode !== 400) return;
  const body = response.json<{ code: string; issues?: { path: unknown[]; message: string }[] }>();
  expect.soft(body.code, label).toBe('VALIDATION_FAILED');
  expect
    .soft(body.issues?.[0], label)
    .toEqual(expect.objectContaining({ path: where, message: 'text.controlChar' }));
}

describe('control characters in any text', () => {
  it.each(Object.entries(CHARS))(
    '%s in any string of any JSON body: 400, nothing stored',
    async (_, char) => {
      const before = await fingerprint();
      const writes = operations.filter((op) => op.body);
      expect(writes.length).toBeGreaterThan(20);
      for (const op of writes) {
        const fields = stringFieldsOf(op.body);
        for (const field of fields) {
          await expectRefused(op.method, urlOf(op.path, pathValues(op)), bodyWith(field, `러닝${char}크루`), [
            'body',
            ...field,
          ]);
        }
      }
      expect(await fingerprint()).toBe(before);
    },
  );

  // A lone surrogate has no UTF-8 form, so it cannot travel in a URL (its CESU-8 bytes are tried below).
  it.each(Object.entries(CHARS).filter(([name]) => name !== 'a lone surrogate'))(
    '%s in any documented query parameter or path parameter: 400',
    async (_, char) => {
      for (const op of operations) {
        const base = urlOf(op.path, pathValues(op));
        for (const name of op.query.keys()) {
          await expectRefused(
            op.method,
            `${base}?${new URLSearchParams({ [name]: `a${char}` }).toString()}`,
            undefined,
            ['querystring', name],
          );
        }
        for (const name of op.pathParams) {
          const url = urlOf(op.path, { ...pathValues(op), [name]: `a${char}` });
          await expectRefused(op.method, url, undefined, ['params', name]);
        }
      }
    },
  );

  it('a run, a course, a comment and a chat message that are otherwise valid are refused, not stored', async () => {
    const before = await fingerprint();
    const writes: [Operation['method'], string, Record<string, unknown>][] = [
      ['POST', '/api/runs', runBody({ title: '한강\u0001러닝' })],
      ['POST', '/api/runs', runBody({ description: '여의나루\u0000역' })],
      ['PATCH', `/api/runs/${run.id}`, { description: '바뀐\u0001설명' }],
      ['POST', '/api/courses', await courseBody(t.app, host, { title: '남산\u0000코스' })],
      ['POST', `/api/runs/${run.id}/comments`, { content: '질문\u0000있어요' }],
      ['POST', `/api/runs/${run.id}/messages`, { content: '곧\u0001도착' }],
    ];
    const after = await fingerprint(); // courseBody uploaded a photo: that is the baseline now
    expect(after).not.toBe(before);
    for (const [method, url, payload] of writes) {
      const response = await t.app.inject({ method, url, headers: bearer(host), payload });
      expect.soft(response.statusCode, `${method} ${url}: ${response.body}`).toBe(400);
    }
    expect(await fingerprint()).toBe(after);
  });
});

describe('exports of text stored before the check', () => {
  it('the GPX export stays well-formed XML and the .ics holds no control character', async () => {
    const legacy = await newRun(t.app, host);
    await t.database.executeSql(`update runs set title = $1, description = $2 where id = $3`, [
      '옛\u0001러닝\u001f',
      '설명\u0008\ufffe끝',
      legacy.id,
    ]);
    const gpx = await t.app.inject({ method: 'GET', url: `/api/runs/${legacy.id}/gpx` });
    expect(gpx.statusCode).toBe(200);
    const parser = new SaxesParser();
    const texts: string[] = [];
    parser.on('text', (text) => texts.push(text));
    parser.write(gpx.body).close(); // throws on any character XML 1.0 does not allow
    expect(texts.join('')).toContain('옛러닝');

    const ics = await t.app.inject({ method: 'GET', url: `/api/runs/${legacy.id}/ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).not.toMatch(FORBIDDEN_TEXT_CHARS);
    expect(ics.body).toContain('SUMMARY:옛러닝');
  });
});

describe('bytes that are not UTF-8 in a URL', () => {
  it('a surrogate encoded in a query string or a path is refused or read as replacement characters, never a 500', async () => {
    for (const url of [
      '/api/runs?q=%ED%A0%80',
      `/api/runs?cursor=%ED%A0%80`,
      '/api/runs/%ED%A0%80',
      `/api/runs/${run.id}/comments?cursor=%00`,
      '/api/calendar/%ED%A0%80.ics',
      '/api/users/%C0%80',
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: bearer(host) });
      expect.soft(response.statusCode, `${url}: ${response.body}`).toBeLessThan(500);
    }
  });
});
