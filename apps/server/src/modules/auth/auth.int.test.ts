import type { AuthResponse, ErrorBody, Me } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newUser, refreshCookieOf, SIGNUP_CONSENTS, uniqueEmail } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { AccessTokens } from './access-tokens.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signup = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: payload as object });
const login = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object });
const refresh = (cookie?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: cookie ? { cookie } : {}, payload: {} });
const me = (accessToken: string) =>
  t.app.inject({ method: 'GET', url: '/api/me', headers: bearer({ accessToken }) });

describe('POST /api/auth/signup', () => {
  it('creates the account, answers the user and an access token, and sets a safe refresh cookie', async () => {
    const email = uniqueEmail();
    const response = await signup({
      email: `  ${email.toUpperCase()} `,
      password: 'run4fun!2026',
      nickname: '새벽러너',
      consents: SIGNUP_CONSENTS,
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<AuthResponse>();
    expect(body.user).toMatchObject({ email, nickname: '새벽러너', onboarded: false, goodRunnerScore: 50 });
    const cookie = response.cookies.find((c) => c.name === 'erun_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, path: '/api/auth', sameSite: 'Lax' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.maxAge).toBe(30 * 24 * 3600);
    expect((await me(body.accessToken)).json<Me>().id).toBe(body.user.id);
  });

  it('answers 409 EMAIL_TAKEN for an email already registered, whatever its case', async () => {
    const user = await newUser(t.app);
    const response = await signup({
      email: user.email.toUpperCase(),
      password: 'another1!pass',
      nickname: '두번째',
      consents: SIGNUP_CONSENTS,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorBody>().code).toBe('EMAIL_TAKEN');
  });

  it.each([
    [{ password: 'run4fun!2026', nickname: '러너' }, 'email'],
    [{ email: 'not-an-email', password: 'run4fun!2026', nickname: '러너' }, 'email'],
    [{ email: 'a@b.co', password: 'short1!', nickname: '러너' }, 'password'],
    [{ email: 'a@b.co', password: 'onlyletters', nickname: '러너' }, 'password'],
    [{ email: 'a@b.co', password: '1234567890', nickname: '러너' }, 'password'],
    [{ email: 'a@b.co', password: 'run4fun!2026', nickname: '가' }, 'nickname'],
    [{ email: 'a@b.co', password: 'run4fun!2026', nickname: '열세글자가넘는아주긴닉네임' }, 'nickname'],
    [{ email: 'a@b.co', password: 'run4fun!2026', nickname: 42 }, 'nickname'],
  ])('refuses %j with 400 VALIDATION_FAILED naming %s', async (payload, field) => {
    const response = await signup(payload);
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.issues?.some((i) => i.path.includes(field))).toBe(true);
  });

  it('stores the password hashed with argon2id', async () => {
    const user = await newUser(t.app);
    const rows = await t.database.executeSql('select password_hash from users where id = $1', [user.user.id]);
    const [row] = rows.rows as { password_hash: string }[];
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(row?.password_hash).not.toContain(user.password);
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the right password', async () => {
    const user = await newUser(t.app);
    const response = await login({ email: user.email, password: user.password });
    expect(response.statusCode).toBe(200);
    expect(response.json<AuthResponse>().user.id).toBe(user.user.id);
    expect(refreshCookieOf(response)).toBeDefined();
  });

  it('answers the same 401 INVALID_CREDENTIALS for a wrong password and for an unknown email', async () => {
    const user = await newUser(t.app);
    const wrong = await login({ email: user.email, password: 'wrong-password1' });
    const unknown = await login({ email: uniqueEmail(), password: 'wrong-password1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json<ErrorBody>().code).toBe('INVALID_CREDENTIALS');
  });
});

describe('refresh tokens', () => {
  it('rotates on every refresh, and a token reused once its successor was used revokes the whole family', async () => {
    const user = await newUser(t.app);
    const first = await refresh(user.cookie);
    expect(first.statusCode).toBe(200);
    const second = refreshCookieOf(first);
    expect(second).toBeDefined();
    expect(second).not.toBe(user.cookie);
    expect((await me(first.json<{ accessToken: string }>().accessToken)).statusCode).toBe(200);
    const next = await refresh(second);
    expect(next.statusCode).toBe(200);
    const third = refreshCookieOf(next);
    expect(third).not.toBe(second);

    const reuse = await refresh(user.cookie);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json<ErrorBody>().code).toBe('INVALID_TOKEN');
    expect((await refresh(third)).statusCode).toBe(401);
    expect((await me(next.json<{ accessToken: string }>().accessToken)).statusCode).toBe(401);
  });

  // ADR 027: a refresh whose answer never arrived (a phone losing its network, a page left mid-refresh) is sent
  // again with the token the browser still holds. It gets the successor it missed, not a sign-out.
  describe('a refresh retried after its answer was lost', () => {
    let offsetMs = 0;
    let c: TestApp;
    beforeAll(async () => {
      c = await createTestApp({ clock: { now: () => new Date(Date.now() + offsetMs) } });
    });
    afterAll(() => c.close());
    const refreshOn = (cookie?: string) =>
      c.app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        headers: cookie ? { cookie } : {},
        payload: {},
      });

    it('gets the same successor within 30 s, and the session goes on', async () => {
      offsetMs = 0;
      const user = await newUser(c.app);
      const lost = await refreshOn(user.cookie);
      expect(lost.statusCode).toBe(200);
      offsetMs = 25_000;
      const retried = await refreshOn(user.cookie);
      expect(retried.statusCode).toBe(200);
      expect(refreshCookieOf(retried)).toBe(refreshCookieOf(lost));
      const on = await refreshOn(refreshCookieOf(retried));
      expect(on.statusCode).toBe(200);
      expect(refreshCookieOf(on)).not.toBe(refreshCookieOf(retried));
      expect((await refreshOn(refreshCookieOf(on))).statusCode).toBe(200);
    });

    it('is reuse once the successor was used: the whole family is revoked', async () => {
      offsetMs = 0;
      const user = await newUser(c.app);
      const successor = refreshCookieOf(await refreshOn(user.cookie));
      const used = await refreshOn(successor);
      expect(used.statusCode).toBe(200);
      expect((await refreshOn(user.cookie)).statusCode).toBe(401);
      expect((await refreshOn(refreshCookieOf(used))).statusCode).toBe(401);
    });

    it('is reuse after 30 s: the whole family is revoked', async () => {
      offsetMs = 0;
      const user = await newUser(c.app);
      const successor = refreshCookieOf(await refreshOn(user.cookie));
      offsetMs = 31_000;
      const late = await refreshOn(user.cookie);
      expect(late.statusCode).toBe(401);
      expect(late.json<ErrorBody>().code).toBe('INVALID_TOKEN');
      expect((await refreshOn(successor)).statusCode).toBe(401);
    });

    it('two refreshes at once with one token both get the same successor', async () => {
      offsetMs = 0;
      const user = await newUser(c.app);
      const [one, other] = await Promise.all([refreshOn(user.cookie), refreshOn(user.cookie)]);
      expect([one.statusCode, other.statusCode]).toEqual([200, 200]);
      expect(refreshCookieOf(one)).toBe(refreshCookieOf(other));
      expect((await refreshOn(refreshCookieOf(one))).statusCode).toBe(200);
    });

    it('a token of a logged-out family is never a retry', async () => {
      offsetMs = 0;
      const user = await newUser(c.app);
      const successor = refreshCookieOf(await refreshOn(user.cookie));
      const out = await c.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: successor ?? '' },
        payload: {},
      });
      expect(out.statusCode).toBe(204);
      expect((await refreshOn(user.cookie)).statusCode).toBe(401);
      expect((await refreshOn(successor)).statusCode).toBe(401);
    });
  });

  it('answers a guest without a cookie 200 with no token and sets no cookie (no error to log)', async () => {
    const guest = await refresh();
    expect(guest.statusCode).toBe(200);
    expect(guest.json()).toEqual({ accessToken: null });
    expect(guest.cookies).toEqual([]);
    expect((await refresh('erun_refresh=')).json()).toEqual({ accessToken: null });
  });

  it('answers 401 for a made-up token and clears it', async () => {
    const madeUp = await refresh('erun_refresh=made-up');
    expect(madeUp.statusCode).toBe(401);
    expect(madeUp.json<ErrorBody>().code).toBe('INVALID_TOKEN');
    expect(madeUp.cookies.find((c) => c.name === 'erun_refresh')?.value).toBe('');
  });

  it('logout revokes this session only; logout-all revokes every session', async () => {
    const user = await newUser(t.app);
    const other = refreshCookieOf(await login({ email: user.email, password: user.password }));
    const third = refreshCookieOf(await login({ email: user.email, password: user.password }));
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: user.cookie },
      payload: {},
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'erun_refresh')?.value).toBe('');
    expect((await refresh(user.cookie)).statusCode).toBe(401);
    const stillIn = await refresh(other);
    expect(stillIn.statusCode).toBe(200);

    // The signed-out session's access token stopped working with it (issue 15); another session's still works.
    expect((await me(user.accessToken)).statusCode).toBe(401);
    const live = stillIn.json<{ accessToken: string }>();
    const all = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(live) });
    expect(all.statusCode).toBe(204);
    expect((await me(live.accessToken)).statusCode).toBe(401);
    expect((await refresh(refreshCookieOf(stillIn))).statusCode).toBe(401);
    expect((await refresh(third)).statusCode).toBe(401);
  });
});

describe('access tokens', () => {
  it('refuses a missing, malformed, forged or expired token with 401', async () => {
    const user = await newUser(t.app);
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await me('not-a-jwt')).statusCode).toBe(401);
    const forged = await new AccessTokens('another-secret-another-secret-123', {
      now: () => new Date(),
    }).issue(user.user.id);
    expect((await me(forged)).statusCode).toBe(401);
    const past = await new AccessTokens('x'.repeat(32), {
      now: () => new Date(Date.now() - 3_600_000),
    }).issue(user.user.id);
    expect((await me(past)).statusCode).toBe(401);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: 'Basic abc' },
    });
    expect(response.json<ErrorBody>().code).toBe('UNAUTHENTICATED');
  });

  it('answers a read with an optional token as a guest’s when the token is refused, and says why', async () => {
    // The web app refreshes only when told: an expired token read silently as a guest's showed a member the
    // crew page of an outsider once their 15 minutes were up (issue 16's guest-to-member journey).
    const user = await newUser(t.app);
    const past = await new AccessTokens('x'.repeat(32), {
      now: () => new Date(Date.now() - 3_600_000),
    }).issue(user.user.id);
    const read = (headers: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: '/api/runs', headers });
    for (const refused of [past, 'not-a-jwt']) {
      const response = await read(bearer({ accessToken: refused }));
      expect(response.statusCode).toBe(200);
      expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    }
    expect((await read(bearer(user))).headers['www-authenticate']).toBeUndefined();
    expect((await read({})).headers['www-authenticate']).toBeUndefined();
  });
});

describe('no back door', () => {
  it.each(['/api/testlogin', '/api/testSignup', '/api/auth/test', '/testlogin'])(
    'POST %s does not exist',
    async (url) => {
      const response = await t.app.inject({ method: 'POST', url, payload: { nickname: 'x', password: 'y' } });
      expect(response.statusCode).toBe(404);
    },
  );
});
