import { once } from 'node:events';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser } from '../test/factories.ts';
import { logQueries } from '../test/query-log.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

/** Issue 12, "Hygiene": what an anonymous client could do to the app beyond its own requests. */

interface Document {
  paths: Record<string, Record<string, { security?: Record<string, string[]>[]; requestBody?: unknown }>>;
}

const logLines: string[] = [];
let t: TestApp;
let doc: Document;
let user: TestUser;

beforeAll(async () => {
  t = await createTestApp({
    env: { RESPONSE_CACHE_MS: '60000' },
    logger: {
      level: 'info',
      stream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString('utf8'));
          done();
        },
      }),
    },
  });
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Document>();
  user = await newUser(t.app);
});
afterAll(() => t.close());

/** Every operation that requires a token (bearerAuth and no anonymous alternative). */
function authenticatedOperations() {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) => {
      const security = operation.security ?? [];
      const required =
        security.some((s) => 'bearerAuth' in s) && !security.some((s) => Object.keys(s).length === 0);
      return required ? [{ method: method.toUpperCase(), path, operation }] : [];
    }),
  );
}

describe('authentication comes before validation', () => {
  it('answers 401, not 400, to a request without a token whatever its parameters and body', async () => {
    const operations = authenticatedOperations();
    expect(operations.length).toBeGreaterThan(40);
    for (const { method, path } of operations) {
      // A path parameter that is no id, a query that is no page, a body that is not even JSON.
      const url = `${path.replace(/\{[^}]+\}/g, 'not-an-id')}?limit=-1&cursor=%00`;
      const withBody = method !== 'GET' && method !== 'DELETE';
      const response = await t.app.inject({
        method: method as 'POST',
        url,
        ...(withBody ? { headers: { 'content-type': 'application/json' }, payload: '{"broken": ' } : {}),
      });
      expect(response.statusCode, `${method} ${path}: ${response.body}`).toBe(401);
    }
  });

  it('refuses an upload without a token before reading its body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: 'not multipart at all',
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('private responses', () => {
  it('are never stored: every authenticated read says Cache-Control: no-store', async () => {
    const run = await newRun(t.app, user);
    const reads = authenticatedOperations().filter((o) => o.method === 'GET');
    expect(reads.length).toBeGreaterThan(10);
    for (const { path } of reads) {
      const url = path.replace(/\{[^}]+\}/g, run.id);
      const response = await t.app.inject({ method: 'GET', url, headers: bearer(user) });
      expect(response.headers['cache-control'], `GET ${path} (${response.statusCode})`).toBe('no-store');
    }
  });

  it("include a user's view of a public page, and a refused request", async () => {
    const run = await newRun(t.app, user);
    const mine = await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}`, headers: bearer(user) });
    expect(mine.headers['cache-control']).toBe('no-store');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: 'Bearer x' },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('leave public caching as it was: a guest read stores nothing new, the calendar feed keeps its own', async () => {
    const run = await newRun(t.app, user);
    const guest = await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}` });
    expect(guest.headers['cache-control']).toBeUndefined();
    const { url } = (
      await t.app.inject({ method: 'GET', url: '/api/me/calendar', headers: bearer(user) })
    ).json<{ url: string }>();
    const feed = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(feed.headers['cache-control']).toBe('private, max-age=300');
  });
});

describe("the guests' response cache", () => {
  it('is not emptied by anonymous writes: sign-in attempts, sign-outs, refused writes', async () => {
    const run = await newRun(t.app, user);
    const url = `/api/runs/${run.id}`;
    await t.app.inject({ method: 'GET', url });
    const anonymous = [
      { method: 'POST', url: '/api/auth/logout' },
      {
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: 'wrong-password-1' },
      },
      { method: 'POST', url: '/api/runs', payload: {} },
      { method: 'POST', url: `/api/runs/${run.id}/participants` },
      { method: 'DELETE', url },
    ] as const;
    for (const request of anonymous) {
      const response = await t.app.inject(request);
      expect(response.statusCode, `${request.method} ${request.url}`).not.toBe(500);
    }
    const log = logQueries(t.database);
    const again = await t.app.inject({ method: 'GET', url }).finally(log.stop);
    expect(again.statusCode).toBe(200);
    expect(log.queries).toHaveLength(0);
  });
});

describe('secrets in request urls', () => {
  it('never reach the log: calendar feed tokens, OAuth codes and states', async () => {
    const { url } = (
      await t.app.inject({ method: 'GET', url: '/api/me/calendar', headers: bearer(user) })
    ).json<{ url: string }>();
    const feed = new URL(url).pathname;
    const token =
      feed
        .split('/')
        .pop()
        ?.replace(/\.ics$/, '') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(16);
    logLines.length = 0;
    await t.app.inject({ method: 'GET', url: feed });
    await t.app.inject({ method: 'GET', url: '/api/calendar/someone-elses-feed-token-0123.ics' });
    await t.app.inject({
      method: 'GET',
      url: '/api/auth/kakao/callback?code=SECRET-CODE-123&state=SECRET-STATE-456&error=x',
    });
    await t.app.inject({ method: 'GET', url: '/api/auth/naver/callback?state=OTHER-STATE&code=OTHER-CODE' });
    const written = logLines.join('\n');
    expect(written).toContain('incoming request');
    expect(written).toContain('/api/calendar/[redacted]');
    for (const secret of [
      token,
      'someone-elses-feed-token',
      'SECRET-CODE-123',
      'SECRET-STATE-456',
      'OTHER-STATE',
      'OTHER-CODE',
    ])
      expect(written).not.toContain(secret);
  });
});

describe('a slow request body', () => {
  it('is cut off after REQUEST_TIMEOUT_SECONDS, not after 300 s', async () => {
    const slow = await createTestApp({ env: { REQUEST_TIMEOUT_SECONDS: '1' } });
    try {
      await slow.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = slow.app.server.address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      // Headers promise 1,000 bytes; 10 arrive, then nothing more.
      socket.write(
        'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Content-Length: 1000\r\n\r\n{"email":',
      );
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
      // The server ends the exchange by itself (408 and close) long before the test's own timeout.
      await once(socket, 'close');
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await slow.close();
    }
  }, 15_000);
});

describe('the API documentation', () => {
  it('is not served in production unless API_DOCS=on', async () => {
    const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://erun.example' };
    const off = await createTestApp({ env: production });
    try {
      expect((await off.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(404);
      expect((await off.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
    const on = await createTestApp({ env: { ...production, API_DOCS: 'on' } });
    try {
      expect((await on.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
    } finally {
      await on.close();
    }
  });
});
