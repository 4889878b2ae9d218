import type { Connections, ErrorBody, Me } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptConsents, bearer, newUser, refreshCookieOf } from '../../test/factories.ts';
import { FakeOAuthProvider } from '../../test/fake-oauth-provider.ts';
import { createOAuthTestApp, signInThroughProvider } from '../../test/oauth-test-app.ts';
import type { TestApp } from '../../test/test-app.ts';

const kakao = new FakeOAuthProvider('kakao', 'kakao-client', 'kakao-secret');
const naver = new FakeOAuthProvider('naver', 'naver-client', 'naver-secret');
let t: TestApp;

beforeAll(async () => {
  t = await createOAuthTestApp([kakao, naver]);
});
afterAll(() => t.close());

type Token = { accessToken: string };

/** POST /api/me/connections/:provider → provider → callback, as the browser would. */
async function link(who: Token, provider: 'kakao' | 'naver', accept?: string) {
  const start = await t.app.inject({
    method: 'POST',
    url: `/api/me/connections/${provider}`,
    headers: bearer(who),
  });
  expect(start.statusCode, start.body).toBe(200);
  const state = start.cookies.find((c) => c.name === 'erun_oauth');
  expect(state).toMatchObject({ httpOnly: true, path: '/api/auth' });
  const atProvider = await fetch(start.json<{ url: string }>().url, { redirect: 'manual' });
  const callback = new URL(atProvider.headers.get('location') ?? '');
  return t.app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    headers: { cookie: `erun_oauth=${state?.value}`, ...(accept ? { accept } : {}) },
  });
}

/** Signs in with a provider (login flow) and answers the signed-in user's token. */
async function signIn(provider: 'kakao' | 'naver'): Promise<Token> {
  const token: Token = await signInThroughProvider(t.app, provider);
  await acceptConsents(t.app, token);
  return token;
}

const connections = async (who: Token) =>
  (
    await t.app.inject({ method: 'GET', url: '/api/me/connections', headers: bearer(who) })
  ).json<Connections>();
const unlink = (who: Token, provider: string) =>
  t.app.inject({ method: 'DELETE', url: `/api/me/connections/${provider}`, headers: bearer(who) });
const meOf = async (who: Token) =>
  (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(who) })).json<Me>();

describe('connections', () => {
  it('a password account links Kakao, then signs in with it, and may disconnect it again', async () => {
    const user = await newUser(t.app);
    expect(await connections(user)).toEqual({
      hasPassword: true,
      email: user.email,
      providers: [],
      available: { kakao: true, naver: true },
    });
    kakao.nextUser = { id: 7_100_001, nickname: '링크러너' };
    const linked = await link(user, 'kakao');
    expect(linked.statusCode).toBe(302);
    expect(linked.headers.location).toBe('/me/settings?connected=kakao');
    expect(refreshCookieOf(linked)).toBeUndefined(); // the session stays as it was
    expect((await connections(user)).providers).toEqual(['kakao']);

    kakao.nextUser = { id: 7_100_001 };
    expect((await meOf(await signIn('kakao'))).id).toBe(user.user.id);

    expect((await unlink(user, 'kakao')).statusCode).toBe(204);
    expect((await connections(user)).providers).toEqual([]);
    const again = await unlink(user, 'kakao');
    expect(again.statusCode).toBe(404);
  });

  it('a provider account that belongs to another user: OAUTH_ACCOUNT_IN_USE, nothing linked', async () => {
    naver.nextUser = { id: 'naver-owner-1', nickname: '네이버주인' };
    const owner = await signIn('naver');
    const other = await newUser(t.app);
    naver.nextUser = { id: 'naver-owner-1' };
    const browser = await link(other, 'naver');
    expect(browser.statusCode).toBe(302);
    expect(browser.headers.location).toBe('/me/settings?error=OAUTH_ACCOUNT_IN_USE');
    naver.nextUser = { id: 'naver-owner-1' };
    const api = await link(other, 'naver', 'application/json');
    expect(api.statusCode).toBe(409);
    expect(api.json<ErrorBody>().code).toBe('OAUTH_ACCOUNT_IN_USE');
    expect((await connections(other)).providers).toEqual([]);
    expect((await meOf(owner)).providers).toEqual(['naver']);
  });

  it('never removes the last way in: 409 LAST_SIGN_IN_METHOD', async () => {
    kakao.nextUser = { id: 7_200_001, nickname: '카카오만' };
    const user = await signIn('kakao');
    const refused = await unlink(user, 'kakao');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().code).toBe('LAST_SIGN_IN_METHOD');

    naver.nextUser = { id: 'naver-7200001' };
    expect((await link(user, 'naver')).headers.location).toBe('/me/settings?connected=naver');
    // Both at once: the row lock lets exactly one through.
    const both = await Promise.all([unlink(user, 'kakao'), unlink(user, 'naver')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([204, 409]);
    expect((await connections(user)).providers).toHaveLength(1);
  });

  it('linking needs a signed-in caller and a configured provider', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/me/connections/kakao' });
    expect(anonymous.statusCode).toBe(401);
    const user = await newUser(t.app);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/me/connections/google',
      headers: bearer(user),
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('an account without a password deletes itself by typing its nickname; the provider then makes a new account', async () => {
    kakao.nextUser = { id: 7_300_001, nickname: '지울카카오' };
    const user = await signIn('kakao');
    const me = await meOf(user);
    const wrong = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: bearer(user),
      payload: { confirm: '다른이름' },
    });
    expect(wrong.statusCode).toBe(400);
    const done = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: bearer(user),
      payload: { confirm: me.nickname },
    });
    expect(done.statusCode).toBe(204);
    kakao.nextUser = { id: 7_300_001, nickname: '돌아온카카오' };
    const fresh = await meOf(await signIn('kakao'));
    expect(fresh.id).not.toBe(me.id);
    expect(fresh.nickname).toBe('돌아온카카오');
  });
});
