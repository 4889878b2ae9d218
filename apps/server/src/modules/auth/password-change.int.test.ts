import type { AuthResponse, ErrorBody, Me, PasswordResetPhoneSent } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsSender } from '../../ports/sms.ts';
import {
  acceptConsents,
  bearer,
  movableClock,
  newUser,
  refreshCookieOf,
  type TestUser,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/** Keeps every text; the latest code sent to a number. */
class MemorySms implements SmsSender {
  readonly sent: { to: string; text: string }[] = [];
  send(to: string, text: string): Promise<void> {
    this.sent.push({ to, text });
    return Promise.resolve();
  }
  codeFor(to: string): string | undefined {
    return this.sent
      .filter((m) => m.to === to)
      .at(-1)
      ?.text.match(/\d{6}/)?.[0];
  }
}

const clock = movableClock();
const sms = new MemorySms();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, sms });
});
afterAll(() => t.close());

let counter = 0;
const freshIp = () => `10.3.${Math.floor(++counter / 250)}.${counter % 250}`;
const freshPhone = () => `010${String(30_000_000 + ++counter * 7919).padStart(8, '0')}`;
const NEW_PASSWORD = 'fresh2run!now';
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, remoteAddress: freshIp(), headers, payload });
const login = (email: string, password: string) => post('/api/auth/login', { email, password });
const refresh = (cookie: string) => post('/api/auth/refresh', {}, { cookie });
const changePassword = (who: { accessToken: string }, payload: object) =>
  t.app.inject({ method: 'PUT', url: '/api/me/password', headers: bearer(who), payload });

/** A user with a verified number, through the phone module's own flow. */
async function withPhone(user: TestUser, phone = freshPhone()): Promise<string> {
  await post('/api/me/phone/verification', { phone }, bearer(user));
  const ok = await post(
    '/api/me/phone/verification/confirm',
    { phone, code: sms.codeFor(phone) },
    bearer(user),
  );
  expect(ok.statusCode).toBe(200);
  clock.offsetMs += 61_000; // past the resend pause of the verification code
  return phone;
}
const requestCode = (phone: string) => post('/api/auth/password-reset/phone', { phone });
const confirmCode = (phone: string, code: string, password = NEW_PASSWORD) =>
  post('/api/auth/password-reset/phone/confirm', { phone, code, password });

describe('password reset by text', () => {
  it('texts a code to a verified number; the code sets the password, signs in and signs out the rest', async () => {
    const user = await newUser(t.app);
    const phone = await withPhone(user);
    const sent = await requestCode(phone);
    expect(sent.statusCode).toBe(202);
    const code = sms.codeFor(phone) ?? '';
    const bad = await confirmCode(phone, wrong(code));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().code).toBe('PHONE_CODE_INVALID');

    const ok = await confirmCode(phone, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<AuthResponse>().user.id).toBe(user.user.id);
    expect((await refresh(user.cookie)).statusCode).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
    await t.services.mail.idle();
    const changedMails = t.mailbox
      .to(user.email)
      .filter((m) => m.subject.includes('비밀번호가 변경되었어요'));
    expect(changedMails).toHaveLength(1);

    const reused = await confirmCode(phone, code, 'other2run!now');
    expect(reused.json<ErrorBody>().code).toBe('PHONE_CODE_EXPIRED');
  });

  it('answers an unknown and an unverified number as a known one, and texts only the verified one', async () => {
    const user = await newUser(t.app);
    const verified = await withPhone(user);
    const unknown = freshPhone();
    // Asked for a code to verify it, never confirmed: not the account's number.
    const unverified = freshPhone();
    await post('/api/me/phone/verification', { phone: unverified }, bearer(await newUser(t.app)));
    clock.offsetMs += 61_000;
    const before = sms.sent.length;
    const answers = await Promise.all([verified, unknown, unverified].map(requestCode));
    expect(answers.map((r) => r.statusCode)).toEqual([202, 202, 202]);
    expect(answers.map((r) => Object.keys(r.json<PasswordResetPhoneSent>()).sort())).toEqual(
      Array(3).fill(['expiresAt', 'resendAt']),
    );
    expect(sms.sent.slice(before).map((m) => m.to)).toEqual([verified]);
    const none = await confirmCode(unknown, '123456');
    expect(none.json<ErrorBody>().code).toBe('PHONE_CODE_EXPIRED');
  });

  it('a code sent to verify a number does not reset the password, and an expired code is refused', async () => {
    const user = await newUser(t.app);
    const phone = freshPhone();
    await post('/api/me/phone/verification', { phone }, bearer(user));
    const verifyCode = sms.codeFor(phone) ?? '';
    await post('/api/me/phone/verification/confirm', { phone, code: verifyCode }, bearer(user));
    // Verified with that code; a fresh verification code for the same number is not a reset code.
    clock.offsetMs += 61_000;
    await post('/api/me/phone/verification', { phone }, bearer(user));
    const notReset = await confirmCode(phone, sms.codeFor(phone) ?? '');
    expect(notReset.json<ErrorBody>().code).toBe('PHONE_CODE_INVALID');

    clock.offsetMs += 61_000;
    await requestCode(phone);
    const code = sms.codeFor(phone) ?? '';
    clock.offsetMs += 3 * 60_000 + 1000;
    const expired = await confirmCode(phone, code);
    expect(expired.json<ErrorBody>().code).toBe('PHONE_CODE_EXPIRED');
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('of two concurrent confirmations with the same code, exactly one wins', async () => {
    const user = await newUser(t.app);
    const phone = await withPhone(user);
    await requestCode(phone);
    const code = sms.codeFor(phone) ?? '';
    const answers = await Promise.all([confirmCode(phone, code), confirmCode(phone, code, 'other2run!now')]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('burns the code after 5 wrong tries', async () => {
    const user = await newUser(t.app);
    const phone = await withPhone(user);
    await requestCode(phone);
    const code = sms.codeFor(phone) ?? '';
    for (let i = 0; i < 5; i += 1) await confirmCode(phone, wrong(code));
    expect((await confirmCode(phone, code)).json<ErrorBody>().code).toBe('PHONE_CODE_EXPIRED');
  });
});

describe('PUT /api/me/password', () => {
  it('changes the password with the current one; other sessions end at once, the caller’s goes on', async () => {
    const user = await newUser(t.app);
    const elsewhere = await login(user.email, user.password);
    const other = refreshCookieOf(elsewhere) ?? '';
    const changed = await changePassword(user, { currentPassword: user.password, password: NEW_PASSWORD });
    expect(changed.statusCode).toBe(204);
    expect(changed.cookies.find((c) => c.name === 'erun_refresh')).toBeUndefined();
    expect((await refresh(other)).statusCode).toBe(401);
    const otherMe = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: bearer(elsewhere.json<{ accessToken: string }>()),
    });
    expect(otherMe.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(user) })).statusCode).toBe(
      200,
    );
    expect((await refresh(user.cookie)).statusCode).toBe(200);
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
    await t.services.mail.idle();
    expect(
      t.mailbox.to(user.email).filter((m) => m.subject.includes('비밀번호가 변경되었어요')),
    ).toHaveLength(1);
  });

  it('refuses a wrong or missing current password with 400 CURRENT_PASSWORD_WRONG and changes nothing', async () => {
    const user = await newUser(t.app);
    for (const payload of [{ currentPassword: 'not-it-1!' }, {}, { currentPassword: '' }]) {
      const r = await changePassword(user, { ...payload, password: NEW_PASSWORD });
      expect(r.statusCode).toBe(400);
      expect(r.json<ErrorBody>().code).toBe('CURRENT_PASSWORD_WRONG');
    }
    expect((await refresh(user.cookie)).statusCode).toBe(200);
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('refuses a new password that breaks the sign-up rules, and a caller without a token', async () => {
    const user = await newUser(t.app);
    const weak = await changePassword(user, { currentPassword: user.password, password: 'onlyletters' });
    expect(weak.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    const anonymous = await t.app.inject({ method: 'PUT', url: '/api/me/password', payload: {} });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets an account without a password (Kakao/Naver only) set its first', async () => {
    const signedIn = await t.services.auth.signInWithProvider(
      { provider: 'kakao', providerUserId: `kakao-${++counter}`, nickname: '카카오러너' },
      { ip: null, userAgent: '', deviceId: null },
    );
    await acceptConsents(t.app, signedIn);
    const set = await changePassword(signedIn, { password: NEW_PASSWORD });
    expect(set.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(signedIn) });
    expect(me.json<Me>().hasPassword).toBe(true);
    const again = await changePassword(signedIn, { password: 'other2run!now' });
    expect(again.json<ErrorBody>().code).toBe('CURRENT_PASSWORD_WRONG');
    // Without an address the password signs nobody in: Kakao stays the last way in.
    const unlink = await t.app.inject({
      method: 'DELETE',
      url: '/api/me/connections/kakao',
      headers: bearer(signedIn),
    });
    expect(unlink.statusCode).toBe(409);
    expect(unlink.json<ErrorBody>().code).toBe('LAST_SIGN_IN_METHOD');
    const connections = await t.app.inject({
      method: 'GET',
      url: '/api/me/connections',
      headers: bearer(signedIn),
    });
    expect(connections.json<{ hasPassword: boolean }>().hasPassword).toBe(false);
  });

  it('429 once the account guesses past the limit', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_LOGIN_ACCOUNT: '2/15m' } });
    try {
      const user = await newUser(limited.app);
      const guess = () =>
        limited.app.inject({
          method: 'PUT',
          url: '/api/me/password',
          headers: bearer(user),
          payload: { currentPassword: 'guess-1!x', password: NEW_PASSWORD },
        });
      expect((await guess()).statusCode).toBe(400);
      expect((await guess()).statusCode).toBe(400);
      expect((await guess()).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
