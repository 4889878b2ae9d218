import type { AuthResponse, ErrorBody, PasswordResetRequested } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  movableClock,
  newUser,
  refreshCookieOf,
  uniqueEmail,
  verifiedUser,
  type TestUser,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const clock = movableClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

let ipCounter = 0;
const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const NEW_PASSWORD = 'fresh2run!now';

const requestReset = (email: string, ip = freshIp()) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password-reset', remoteAddress: ip, payload: { email } });
const confirmReset = (token: string, password = NEW_PASSWORD) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/password-reset/confirm',
    remoteAddress: freshIp(),
    payload: { token, password },
  });
const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
const refresh = (cookie: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie }, payload: {} });

/** Asks for a reset and returns the token of the link mailed to the user. */
async function resetToken(user: TestUser): Promise<string> {
  expect((await requestReset(user.email)).statusCode).toBe(202);
  await t.services.mail.idle();
  const link = t.mailbox.linkTo(user.email, '/reset-password');
  expect(`${link.origin}${link.pathname}`).toBe(
    `${t.env.PUBLIC_URL ?? 'http://localhost:3000'}/reset-password`,
  );
  return link.searchParams.get('token') ?? '';
}

const mailsTo = async (email: string, subject: RegExp) => {
  await t.services.mail.idle();
  return t.mailbox.to(email).filter((m) => subject.test(m.subject));
};

describe('POST /api/auth/password-reset', () => {
  it('mails a verified address a single-use link; the new password signs in, the old one no longer', async () => {
    const user = await verifiedUser(t);
    const token = await resetToken(user);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const [mail] = await mailsTo(user.email, /비밀번호 재설정/);
    expect(mail?.text).toContain('30분');

    const confirmed = await confirmReset(token);
    expect(confirmed.statusCode).toBe(200);
    const body = confirmed.json<AuthResponse>();
    expect(body.user.id).toBe(user.user.id);
    expect(refreshCookieOf(confirmed)).toBeDefined();
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
    expect(await mailsTo(user.email, /비밀번호가 변경되었어요/)).toHaveLength(1);

    const again = await confirmReset(token, 'other2run!now');
    expect(again.statusCode).toBe(400);
    expect(again.json<ErrorBody>().code).toBe('RESET_TOKEN_INVALID');
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('answers the same to a known, an unknown and an unverified address, and mails only the verified one', async () => {
    const verified = await verifiedUser(t);
    const unverified = await newUser(t.app);
    const unknown = uniqueEmail();
    const answers = await Promise.all(
      [verified.email, unverified.email, unknown].map((e) => requestReset(e)),
    );
    const shape = (r: (typeof answers)[number]) => ({
      status: r.statusCode,
      keys: Object.keys(r.json<PasswordResetRequested>()),
    });
    expect(answers.map(shape)).toEqual(Array(3).fill({ status: 202, keys: ['resendAt'] }));
    await t.services.mail.idle();
    // Sign-up mailed each account its verification link; a reset link goes to the verified address alone.
    const resets = (address: string) => t.mailbox.to(address).filter((m) => /재설정/.test(m.subject));
    expect(resets(verified.email)).toHaveLength(1);
    expect(resets(unverified.email)).toHaveLength(0);
    expect(t.mailbox.to(unknown)).toHaveLength(0);
  });

  it('sends nothing to a deleted account', async () => {
    const user = await verifiedUser(t);
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: bearer(user),
      payload: { password: user.password },
    });
    expect(del.statusCode).toBe(204);
    expect((await requestReset(user.email)).statusCode).toBe(202);
    await t.services.mail.idle();
    expect(t.mailbox.to(user.email).filter((m) => /재설정/.test(m.subject))).toHaveLength(0);
  });

  it('refuses an expired link (30 minutes) and an unknown one with 400 RESET_TOKEN_INVALID', async () => {
    const user = await verifiedUser(t);
    const token = await resetToken(user);
    clock.offsetMs += 30 * 60_000 + 1000;
    try {
      const expired = await confirmReset(token);
      expect(expired.statusCode).toBe(400);
      expect(expired.json<ErrorBody>().code).toBe('RESET_TOKEN_INVALID');
    } finally {
      clock.offsetMs = 0;
    }
    const unknown = await confirmReset('x'.repeat(43));
    expect(unknown.json<ErrorBody>().code).toBe('RESET_TOKEN_INVALID');
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('a new link voids the older one', async () => {
    const user = await verifiedUser(t);
    const first = await resetToken(user);
    const second = await resetToken(user);
    expect(second).not.toBe(first);
    expect((await confirmReset(first)).json<ErrorBody>().code).toBe('RESET_TOKEN_INVALID');
    expect((await confirmReset(second)).statusCode).toBe(200);
  });

  it("a token is bound to its account: it sets that account's password, never another's", async () => {
    const owner = await verifiedUser(t);
    const other = await verifiedUser(t);
    const token = await resetToken(owner);
    const confirmed = await confirmReset(token);
    expect(confirmed.json<AuthResponse>().user.id).toBe(owner.user.id);
    expect((await login(other.email, other.password)).statusCode).toBe(200);
    expect((await login(other.email, NEW_PASSWORD)).statusCode).toBe(401);
    expect((await login(owner.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('signs out every other session of the account: its refresh cookies answer 401 after the reset', async () => {
    const user = await verifiedUser(t);
    const second = await login(user.email, user.password);
    const secondCookie = refreshCookieOf(second) ?? '';
    const confirmed = await confirmReset(await resetToken(user));
    expect((await refresh(user.cookie)).statusCode).toBe(401);
    expect((await refresh(secondCookie)).statusCode).toBe(401);
    expect((await refresh(refreshCookieOf(confirmed) ?? '')).statusCode).toBe(200);
  });

  it('of two concurrent confirmations with the same link, exactly one wins', async () => {
    const user = await verifiedUser(t);
    const token = await resetToken(user);
    const answers = await Promise.all([
      confirmReset(token, 'first1run!now'),
      confirmReset(token, 'second2run!now'),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const winner = answers[0]?.statusCode === 200 ? 'first1run!now' : 'second2run!now';
    expect((await login(user.email, winner)).statusCode).toBe(200);
    expect(await mailsTo(user.email, /비밀번호가 변경되었어요/)).toHaveLength(1);
  });

  it('refuses a new password that breaks the sign-up rules, and keeps the link usable', async () => {
    const user = await verifiedUser(t);
    const token = await resetToken(user);
    const weak = await confirmReset(token, 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    expect((await confirmReset(token)).statusCode).toBe(200);
  });
});

describe('reset request limits', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({
      env: {
        RATE_LIMIT_RESET_IP: '3/1h',
        RATE_LIMIT_RESET_EMAIL: '2/1h',
        RATE_LIMIT_RESET_PHONE: '2/24h',
        RATE_LIMIT_LOGIN_IP: '2/15m',
      },
    });
  });
  afterAll(() => limited.close());
  const ask = (url: string, payload: object, ip: string) =>
    limited.app.inject({ method: 'POST', url, remoteAddress: ip, payload });

  it('429 past the limit per address, for a known and an unknown address alike', async () => {
    const user = await verifiedUser(limited);
    for (const email of [user.email, uniqueEmail()]) {
      expect((await ask('/api/auth/password-reset', { email }, '10.2.0.1')).statusCode).toBe(202);
      expect((await ask('/api/auth/password-reset', { email }, '10.2.0.2')).statusCode).toBe(202);
      const third = await ask('/api/auth/password-reset', { email: email.toUpperCase() }, '10.2.0.3');
      expect(third.statusCode).toBe(429);
      expect(third.json<ErrorBody>().code).toBe('RATE_LIMITED');
    }
  });

  it('429 past the limit per IP', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await ask('/api/auth/password-reset', { email: uniqueEmail() }, '10.2.1.1')).statusCode).toBe(
        202,
      );
    }
    expect((await ask('/api/auth/password-reset', { email: uniqueEmail() }, '10.2.1.1')).statusCode).toBe(
      429,
    );
    expect((await ask('/api/auth/password-reset', { email: uniqueEmail() }, '10.2.1.2')).statusCode).toBe(
      202,
    );
  });

  it('429 for texts: once a minute and past the daily limit per number, and per IP', async () => {
    const phone = '01055550001';
    expect((await ask('/api/auth/password-reset/phone', { phone }, '10.2.2.1')).statusCode).toBe(202);
    expect((await ask('/api/auth/password-reset/phone', { phone }, '10.2.2.2')).statusCode).toBe(429);
    for (let i = 0; i < 3; i += 1) {
      const other = `0105555010${i}`;
      const code = (await ask('/api/auth/password-reset/phone', { phone: other }, '10.2.3.1')).statusCode;
      expect(code).toBe(202);
    }
    const overIp = await ask('/api/auth/password-reset/phone', { phone: '01055550199' }, '10.2.3.1');
    expect(overIp.statusCode).toBe(429);
  });

  it('429 for texts past the daily limit per number (after the pause of a minute)', async () => {
    const phone = '01055550002';
    expect((await ask('/api/auth/password-reset/phone', { phone }, '10.2.4.1')).statusCode).toBe(202);
    const again = await ask('/api/auth/password-reset/phone', { phone }, '10.2.4.2');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
    const third = await ask('/api/auth/password-reset/phone', { phone }, '10.2.4.3');
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(3600);
  });

  it('429 past the limit of confirmations per IP (links and codes alike)', async () => {
    const confirm = (url: string, payload: object) => ask(url, payload, '10.2.5.1');
    const token = { token: 'x'.repeat(43), password: NEW_PASSWORD };
    expect((await confirm('/api/auth/password-reset/confirm', token)).statusCode).toBe(400);
    const code = { phone: '01055550003', code: '123456', password: NEW_PASSWORD };
    expect((await confirm('/api/auth/password-reset/phone/confirm', code)).statusCode).toBe(409);
    expect((await confirm('/api/auth/password-reset/confirm', token)).statusCode).toBe(429);
  });
});
