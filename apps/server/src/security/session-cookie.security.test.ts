import type { ErrorBody } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, refreshCookieOf, SIGNUP_CONSENTS, uniqueEmail } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

/**
 * The refresh cookie is SameSite=Lax: a page on a sibling subdomain (same site, other origin) still gets it
 * sent, and once could log the user out or rotate the session with a plain form post.
 */
const ORIGIN = 'https://erun.example.com';

describe('endpoints authenticated by the refresh cookie (PUBLIC_URL set)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: ORIGIN } });
  });
  afterAll(() => t.close());

  const post = (path: 'refresh' | 'logout', cookie: string, headers: Record<string, string>, body?: string) =>
    t.app.inject({ method: 'POST', url: `/api/auth/${path}`, headers: { cookie, ...headers }, body });
  const stillSignedIn = async (cookie: string) =>
    (await post('refresh', cookie, { origin: ORIGIN, 'content-type': 'application/json' }, '{}')).statusCode;

  it.each(['logout', 'refresh'] as const)(
    '%s: a form post from a same-site page is refused',
    async (path) => {
      const user = await newUser(t.app);
      const form = await post(path, user.cookie, {
        origin: 'https://blog.erun.example.com',
        'sec-fetch-site': 'same-site',
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(form.statusCode).toBe(403);
      expect(form.json<ErrorBody>().code).toBe('FORBIDDEN');
      expect(await stillSignedIn(user.cookie)).toBe(200);
    },
  );

  it.each(['logout', 'refresh'] as const)('%s: another origin is refused even with JSON', async (path) => {
    const attempts: Record<string, string>[] = [
      { origin: 'https://blog.erun.example.com' },
      { origin: 'null' },
      { origin: 'http://erun.example.com' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: ORIGIN },
    ];
    for (const headers of attempts) {
      const user = await newUser(t.app);
      const response = await post(
        path,
        user.cookie,
        { ...headers, 'content-type': 'application/json' },
        '{}',
      );
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(await stillSignedIn(user.cookie)).toBe(200);
    }
  });

  it.each(['logout', 'refresh'] as const)('%s: anything but a JSON body answers 415', async (path) => {
    for (const type of [undefined, 'text/plain', 'multipart/form-data; boundary=x']) {
      const user = await newUser(t.app);
      const headers: Record<string, string> = { origin: ORIGIN, 'sec-fetch-site': 'same-origin' };
      if (type) headers['content-type'] = type;
      const response = await post(path, user.cookie, headers, type ? 'x' : undefined);
      expect(response.statusCode, type).toBe(415);
      expect(response.json<ErrorBody>().code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await stillSignedIn(user.cookie)).toBe(200);
    }
  });

  it('the web app (same origin, JSON) refreshes and logs out', async () => {
    const user = await newUser(t.app);
    const json = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' };
    const refreshed = await post('refresh', user.cookie, { ...json, origin: ORIGIN }, '{}');
    expect(refreshed.statusCode).toBe(200);
    const cookie = refreshCookieOf(refreshed) ?? '';
    // Without Origin (a client that is no browser) JSON is still enough: no page can send it cross-origin.
    expect((await post('logout', cookie, { 'content-type': 'application/json' }, '{}')).statusCode).toBe(204);
    expect(await stillSignedIn(cookie)).toBe(401);
  });
});

describe('without PUBLIC_URL (development)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("accepts the request's own host as the origin, and refuses another", async () => {
    const user = await newUser(t.app);
    const send = (origin: string, cookie: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        headers: { cookie, origin, host: 'localhost:5173', 'content-type': 'application/json' },
        body: '{}',
      });
    expect((await send('http://localhost:5174', user.cookie)).statusCode).toBe(403);
    const ok = await send('http://localhost:5173', user.cookie);
    expect(ok.statusCode).toBe(200);
  });
});

describe('production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production', PUBLIC_URL: ORIGIN } });
  });
  afterAll(() => t.close());

  it('issues the refresh cookie Secure and httpOnly (it cannot start without an https PUBLIC_URL)', async () => {
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: {
        email: uniqueEmail(),
        password: 'run4fun!2026',
        nickname: '러너',
        consents: SIGNUP_CONSENTS,
      },
    });
    expect(signup.statusCode).toBe(201);
    expect(signup.cookies.find((c) => c.name === 'erun_refresh')).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    });
  });
});
