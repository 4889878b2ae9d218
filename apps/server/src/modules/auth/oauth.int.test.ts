import type { ErrorBody, Me } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptConsents, bearer, refreshCookieOf } from '../../test/factories.ts';
import { FakeOAuthProvider } from '../../test/fake-oauth-provider.ts';
import { createOAuthTestApp } from '../../test/oauth-test-app.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const kakao = new FakeOAuthProvider('kakao', 'kakao-client', 'kakao-secret');
const naver = new FakeOAuthProvider('naver', 'naver-client', 'naver-secret');
let t: TestApp;

beforeAll(async () => {
  t = await createOAuthTestApp([kakao, naver]);
});
afterAll(() => t.close());

/** Start → provider → callback, as the browser would follow the redirects. */
async function signInWith(provider: 'kakao' | 'naver', tamper?: (callback: URL) => void) {
  const start = await t.app.inject({ method: 'GET', url: `/api/auth/${provider}/start` });
  expect(start.statusCode).toBe(302);
  const stateCookie = start.cookies.find((c) => c.name === 'erun_oauth');
  expect(stateCookie).toMatchObject({ httpOnly: true, path: '/api/auth', sameSite: 'Lax' });
  const atProvider = await fetch(start.headers.location as string, { redirect: 'manual' });
  const callback = new URL(atProvider.headers.get('location') ?? '');
  expect(callback.pathname).toBe(`/api/auth/${provider}/callback`);
  tamper?.(callback);
  return t.app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    headers: { cookie: `erun_oauth=${stateCookie?.value}` },
  });
}

async function meOf(response: Awaited<ReturnType<typeof signInWith>>): Promise<Me> {
  const cookie = refreshCookieOf(response);
  const refresh = await t.app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    headers: { cookie: cookie ?? '' },
    payload: {},
  });
  const { accessToken } = refresh.json<{ accessToken: string }>();
  return (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer({ accessToken }) })).json<Me>();
}

describe('Kakao and Naver sign-in', () => {
  it('lists the configured providers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(response.json()).toEqual({ kakao: true, naver: true });
  });

  it('Kakao: a new user is created, signed in and sent to onboarding; PKCE is used', async () => {
    kakao.nextUser = { id: 9_000_001, nickname: '카카오러너' };
    const response = await signInWith('kakao');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/onboarding');
    expect(kakao.tokenRequests.at(-1)?.get('code_verifier')).toBeTruthy();
    const me = await meOf(response);
    expect(me).toMatchObject({
      nickname: '카카오러너',
      providers: ['kakao'],
      onboarded: false,
      email: null,
      hasPassword: false,
    });
  });

  it('Kakao: the same provider id signs in to the same user; once onboarded it goes home', async () => {
    kakao.nextUser = { id: 9_000_002, nickname: '두번오는' };
    const first = await meOf(await signInWith('kakao'));
    const cookie = refreshCookieOf(await signInWith('kakao'));
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: cookie ?? '' },
      payload: {},
    });
    const headers = bearer(refreshed.json<{ accessToken: string }>());
    await acceptConsents(t.app, refreshed.json<{ accessToken: string }>());
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers,
      payload: { runningLevel: 'starter', preferredRegions: ['jeju'] },
    });
    const third = await signInWith('kakao');
    expect(third.headers.location).toBe('/');
    expect((await meOf(third)).id).toBe(first.id);
  });

  it('Naver: works without PKCE, and a too-long nickname is fitted to the rules', async () => {
    naver.nextUser = { id: 'naver-abc', nickname: '아주아주아주아주긴네이버닉네임입니다' };
    const response = await signInWith('naver');
    expect(response.headers.location).toBe('/onboarding');
    expect(naver.tokenRequests.at(-1)?.has('code_verifier')).toBe(false);
    const me = await meOf(response);
    expect(me.providers).toEqual(['naver']);
    expect([...me.nickname].length).toBeLessThanOrEqual(12);
  });

  it('a changed state answers 400 OAUTH_STATE_MISMATCH and signs nobody in', async () => {
    const response = await signInWith('kakao', (callback) => callback.searchParams.set('state', 'forged'));
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().code).toBe('OAUTH_STATE_MISMATCH');
    expect(refreshCookieOf(response)).toBeUndefined();
  });

  it('a callback without the state cookie answers 400', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/auth/kakao/callback?code=abc&state=xyz',
    });
    expect(response.statusCode).toBe(400);
  });

  it('a code the provider rejects sends the user back to login with an error', async () => {
    const response = await signInWith('kakao', (callback) =>
      callback.searchParams.set('code', 'stolen-code'),
    );
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/login?error=oauth_failed');
    expect(refreshCookieOf(response)).toBeUndefined();
  });
});

describe('unconfigured providers', () => {
  it('hides them and answers 404 on start', async () => {
    const bare = await createTestApp();
    try {
      expect((await bare.app.inject({ method: 'GET', url: '/api/auth/providers' })).json()).toEqual({
        kakao: false,
        naver: false,
      });
      const start = await bare.app.inject({ method: 'GET', url: '/api/auth/kakao/start' });
      expect(start.statusCode).toBe(404);
      expect(start.json<ErrorBody>().code).toBe('PROVIDER_NOT_CONFIGURED');
    } finally {
      await bare.close();
    }
  });
});
