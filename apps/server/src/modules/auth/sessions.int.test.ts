import type { AuthResponse, ErrorBody, NotificationPage, SessionList } from '@erun/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  movableClock,
  newUser,
  refreshCookieOf,
  SIGNUP_CONSENTS,
  type TestUser,
} from '../../test/factories.ts';
import { FakeOAuthProvider } from '../../test/fake-oauth-provider.ts';
import { createOAuthTestApp } from '../../test/oauth-test-app.ts';
import type { TestApp } from '../../test/test-app.ts';
import { NEW_SIGN_IN_ALERTS_PER_HOUR } from './sessions.service.ts';

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';

const kakao = new FakeOAuthProvider('kakao', 'kakao-client', 'kakao-secret');
const clock = movableClock();
let t: TestApp;
beforeAll(async () => {
  t = await createOAuthTestApp([kakao], { clock });
});
afterAll(() => t.close());

/** One browser: its device cookie, refresh cookie and access token. */
interface Browser {
  device: string | undefined;
  refresh: string | undefined;
  accessToken: string;
}

const deviceOf = (response: LightMyRequestResponse, sent?: string) =>
  response.cookies.find((c) => c.name === 'erun_device')?.value ?? sent;

/** Signs in with the email and password from a browser (a new one unless `device` is given). */
async function login(user: TestUser, userAgent: string, device?: string): Promise<Browser> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'user-agent': userAgent, ...(device ? { cookie: `erun_device=${device}` } : {}) },
    payload: { email: user.email, password: user.password },
  });
  expect(response.statusCode, response.body).toBe(200);
  return {
    device: deviceOf(response, device),
    refresh: refreshCookieOf(response),
    accessToken: response.json<AuthResponse>().accessToken,
  };
}

async function signup(userAgent: string): Promise<{ user: TestUser; browser: Browser }> {
  const email = `sessions-${Math.random().toString(36).slice(2, 10)}@example.com`;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    headers: { 'user-agent': userAgent },
    payload: { email, password: 'run4fun!2026', nickname: '기기러너', consents: SIGNUP_CONSENTS },
  });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<AuthResponse>();
  const cookie = refreshCookieOf(response) ?? '';
  return {
    user: { ...body, email, password: 'run4fun!2026', cookie },
    browser: { device: deviceOf(response), refresh: cookie, accessToken: body.accessToken },
  };
}

const refresh = (browser: Browser, userAgent = CHROME_WINDOWS) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    headers: {
      'user-agent': userAgent,
      cookie: [browser.refresh, browser.device && `erun_device=${browser.device}`].filter(Boolean).join('; '),
    },
    payload: {},
  });
const sessionsOf = (who: { accessToken: string }) =>
  t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: bearer(who) });
const me = (who: { accessToken: string }) =>
  t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(who) });
const revoke = (who: { accessToken: string }, id: string) =>
  t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${id}`, headers: bearer(who) });
const revokeOthers = (who: { accessToken: string }) =>
  t.app.inject({ method: 'DELETE', url: '/api/me/sessions', headers: bearer(who) });

async function alertsOf(user: TestUser) {
  await t.services.mail.idle();
  const mails = t.mailbox.to(user.email).filter((m) => m.subject.includes('새 기기'));
  const page = (
    await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(user) })
  ).json<NotificationPage>();
  return { mails, notifications: page.items.filter((n) => n.category === 'new_sign_in') };
}

describe('GET /api/me/sessions', () => {
  it('lists live sessions, newest used first, with this one marked and browser and OS read', async () => {
    const { user, browser: pc } = await signup(CHROME_WINDOWS);
    clock.offsetMs = 60_000;
    const phone = await login(user, SAFARI_IPHONE);
    clock.offsetMs = 0;
    const response = await sessionsOf(phone);
    expect(response.statusCode).toBe(200);
    const { items } = response.json<SessionList>();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      current: true,
      browser: 'Safari',
      os: 'iOS',
      osVersion: '17.1',
      deviceType: 'mobile',
      ip: '127.0.0.x',
    });
    expect(items[1]).toMatchObject({
      current: false,
      browser: 'Chrome',
      os: 'Windows',
      deviceType: 'desktop',
    });
    expect(Object.keys(items[0] ?? {})).not.toContain('deviceHash');
    expect(JSON.stringify(items)).not.toContain('127.0.0.1');
    // The other device sees the same list, itself as the current one.
    const fromPc = (await sessionsOf(pc)).json<SessionList>().items;
    expect(fromPc.find((s) => s.current)?.browser).toBe('Chrome');
  });

  it('moves last used forward on refresh (at most once a minute) and keeps the newest browser', async () => {
    const { user, browser } = await signup(CHROME_WINDOWS);
    const before = (await sessionsOf(user)).json<SessionList>().items[0];
    const soon = await refresh(browser, FIREFOX_LINUX);
    expect(soon.statusCode).toBe(200);
    expect((await sessionsOf(user)).json<SessionList>().items[0]).toEqual(before);
    clock.offsetMs = 5 * 60_000;
    try {
      const later = await refresh({ ...browser, refresh: refreshCookieOf(soon) }, FIREFOX_LINUX);
      expect(later.statusCode).toBe(200);
      const [after] = (await sessionsOf(later.json<{ accessToken: string }>())).json<SessionList>().items;
      expect(after).toMatchObject({ id: before?.id, createdAt: before?.createdAt, browser: 'Firefox' });
      expect(new Date(after?.lastUsedAt ?? 0).getTime()).toBeGreaterThan(
        new Date(before?.lastUsedAt ?? 0).getTime(),
      );
    } finally {
      clock.offsetMs = 0;
    }
  });

  it('leaves out sessions signed out or expired', async () => {
    const { user, browser } = await signup(CHROME_WINDOWS);
    const other = await login(user, SAFARI_IPHONE);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: other.refresh ?? '' },
      payload: {},
    });
    expect(logout.statusCode).toBe(204);
    expect((await sessionsOf(browser)).json<SessionList>().items).toHaveLength(1);
    // Signing out also ends that session's access token at once.
    expect((await me(other)).statusCode).toBe(401);
  });

  it('answers 401 without a token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/sessions' })).statusCode).toBe(401);
  });
});

describe('DELETE /api/me/sessions/:sessionId', () => {
  it('signs that device out: its refresh fails and its access token is refused at once', async () => {
    const { user, browser: pc } = await signup(CHROME_WINDOWS);
    const phone = await login(user, SAFARI_IPHONE);
    const pcSession = (await sessionsOf(pc)).json<SessionList>().items.find((s) => s.current);
    expect((await me(pc)).statusCode).toBe(200);

    const response = await revoke(phone, pcSession?.id ?? '');
    expect(response.statusCode).toBe(204);
    expect((await refresh(pc)).statusCode).toBe(401);
    expect((await me(pc)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(200);
    expect((await sessionsOf(phone)).json<SessionList>().items.map((s) => s.current)).toEqual([true]);
    // Again: already signed out, still mine.
    expect((await revoke(phone, pcSession?.id ?? '')).statusCode).toBe(204);
  });

  it("answers 404 for another user's session or an unknown one, and leaves it signed in", async () => {
    const { browser: mine } = await signup(CHROME_WINDOWS);
    const { browser: theirs } = await signup(SAFARI_IPHONE);
    const theirSession = (await sessionsOf(theirs)).json<SessionList>().items[0];
    const response = await revoke(mine, theirSession?.id ?? '');
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorBody>().code).toBe('SESSION_NOT_FOUND');
    expect((await revoke(mine, '00000000-0000-4000-8000-000000000000')).json<ErrorBody>().code).toBe(
      'SESSION_NOT_FOUND',
    );
    expect((await me(theirs)).statusCode).toBe(200);
    expect((await refresh(theirs)).statusCode).toBe(200);
  });

  it('refuses a malformed session id with 400', async () => {
    const { browser } = await signup(CHROME_WINDOWS);
    const response = await revoke(browser, 'not-a-uuid');
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
  });
});

describe('DELETE /api/me/sessions (every other device)', () => {
  it('signs out every session but the caller’s', async () => {
    const { user, browser: first } = await signup(CHROME_WINDOWS);
    const second = await login(user, SAFARI_IPHONE);
    const third = await login(user, FIREFOX_LINUX);
    const other = await newUser(t.app);

    expect((await revokeOthers(second)).statusCode).toBe(204);
    for (const gone of [first, third]) {
      expect((await me(gone)).statusCode).toBe(401);
      expect((await refresh(gone)).statusCode).toBe(401);
    }
    expect((await me(second)).statusCode).toBe(200);
    const { items } = (await sessionsOf(second)).json<SessionList>();
    expect(items).toEqual([expect.objectContaining({ current: true, browser: 'Safari' })]);
    // Nobody else's sessions are touched.
    expect((await me(other)).statusCode).toBe(200);
  });

  it('logging out everywhere ends every session’s access token at once', async () => {
    const { user, browser } = await signup(CHROME_WINDOWS);
    const phone = await login(user, SAFARI_IPHONE);
    const all = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(browser) });
    expect(all.statusCode).toBe(204);
    expect((await me(browser)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(401);
  });
});

describe('sign-in from a new device', () => {
  it('sets a long-lived, httpOnly device cookie scoped to /api/auth', async () => {
    const { browser } = await signup(CHROME_WINDOWS);
    expect(browser.device).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: `${browser.refresh}; erun_device=${browser.device}` },
      payload: {},
    });
    const cookie = response.cookies.find((c) => c.name === 'erun_device');
    expect(cookie).toMatchObject({
      value: browser.device,
      httpOnly: true,
      path: '/api/auth',
      sameSite: 'Lax',
    });
    expect(cookie?.maxAge).toBe(365 * 24 * 3600);
  });

  it('tells the owner once by mail and notification; not at sign-up, not for a device seen before', async () => {
    const { user, browser: pc } = await signup(CHROME_WINDOWS);
    expect(await alertsOf(user)).toEqual({ mails: [], notifications: [] });

    await login(user, CHROME_WINDOWS, pc.device);
    expect((await alertsOf(user)).mails).toHaveLength(0);

    const phone = await login(user, SAFARI_IPHONE);
    const { mails, notifications } = await alertsOf(user);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.text).toContain('Safari · iOS');
    expect(mail?.text).toContain('127.0.0.x');
    expect(mail?.text).not.toContain('127.0.0.1');
    expect(mail?.text).toContain('http://localhost:3000/me/settings');
    expect(mail?.text).toContain('http://localhost:3000/forgot-password');
    expect(mail?.text).toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일 \d{2}:\d{2} \(한국 시간\)/);
    expect(notifications).toEqual([
      expect.objectContaining({
        category: 'new_sign_in',
        link: '/me/settings',
        data: { browser: 'Safari', os: 'iOS', ip: '127.0.0.x' },
      }),
    ]);

    // The phone again, and the phone after it was signed out: a device seen before.
    await login(user, SAFARI_IPHONE, phone.device);
    await revokeOthers(pc);
    await login(user, SAFARI_IPHONE, phone.device);
    const after = await alertsOf(user);
    expect(after.mails).toHaveLength(1);
    expect(after.notifications).toHaveLength(1);
  });

  it(`alerts at most ${NEW_SIGN_IN_ALERTS_PER_HOUR} times an hour`, async () => {
    const { user } = await signup(CHROME_WINDOWS);
    for (let i = 0; i < NEW_SIGN_IN_ALERTS_PER_HOUR + 2; i += 1) await login(user, FIREFOX_LINUX);
    const { mails, notifications } = await alertsOf(user);
    expect(mails).toHaveLength(NEW_SIGN_IN_ALERTS_PER_HOUR);
    expect(notifications).toHaveLength(NEW_SIGN_IN_ALERTS_PER_HOUR);
  });

  it('a Kakao sign-in: none for the new account, a notification from a new device', async () => {
    kakao.nextUser = { id: 9_100_001, nickname: '카카오기기' };
    const first = await kakaoSignIn();
    const firstDevice = deviceOf(first);
    const token = await accessOf(first, firstDevice);
    expect((await alertsOf({ ...token, email: '-' } as TestUser)).notifications).toHaveLength(0);

    await kakaoSignIn(firstDevice);
    expect((await alertsOf({ ...token, email: '-' } as TestUser)).notifications).toHaveLength(0);

    const elsewhere = await kakaoSignIn(undefined, SAFARI_IPHONE);
    expect(elsewhere.statusCode).toBe(302);
    const { notifications } = await alertsOf({ ...token, email: '-' } as TestUser);
    expect(notifications).toEqual([
      expect.objectContaining({ data: { browser: 'Safari', os: 'iOS', ip: '127.0.0.x' } }),
    ]);
  });
});

/** Start → fake Kakao → callback, from a browser with this device cookie (none: a new browser). */
async function kakaoSignIn(device?: string, userAgent = CHROME_WINDOWS) {
  const start = await t.app.inject({ method: 'GET', url: '/api/auth/kakao/start' });
  const state = start.cookies.find((c) => c.name === 'erun_oauth');
  const atProvider = await fetch(start.headers.location as string, { redirect: 'manual' });
  const callback = new URL(atProvider.headers.get('location') ?? '');
  return t.app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    headers: {
      'user-agent': userAgent,
      cookie: [`erun_oauth=${state?.value}`, device && `erun_device=${device}`].filter(Boolean).join('; '),
    },
  });
}

async function accessOf(response: LightMyRequestResponse, device: string | undefined) {
  const refreshed = await refresh({ refresh: refreshCookieOf(response), device, accessToken: '' });
  return refreshed.json<{ accessToken: string }>();
}
