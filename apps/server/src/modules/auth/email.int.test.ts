import type { EmailLinkSent, ErrorBody, Me } from '@erun/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  movableClock,
  newUser,
  SIGNUP_CONSENTS,
  type TestUser,
  uniqueEmail,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const PUBLIC_URL = 'https://erun.example';
const HOUR = 3_600_000;
const clock = movableClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { PUBLIC_URL } });
});
afterAll(() => t.close());
afterEach(() => {
  clock.offsetMs = 0;
});

/** The mails an address received so far (after the outbox has sent what was committed). */
async function mailsTo(address: string) {
  await t.services.mail.idle();
  // About the address only: signing in again from a test (a new device each time) also mails an alert.
  return t.mailbox.to(address).filter((m) => !/새 기기|New sign-in/.test(m.subject));
}

/** The token of the latest link mailed to an address, after checking the link's shape. */
async function tokenMailedTo(address: string): Promise<string> {
  await t.services.mail.idle();
  const link = t.mailbox.linkTo(address, '/verify-email');
  expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/verify-email`);
  const token = link.searchParams.get('token');
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token ?? '';
}

const confirm = (token: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/email-verification/confirm', payload: { token } });
const resend = (who: { accessToken: string }) =>
  t.app.inject({ method: 'POST', url: '/api/auth/email-verification', headers: bearer(who) });
const me = async (who: { accessToken: string }) =>
  (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(who) })).json<Me>();
const changeEmail = (who: { accessToken: string }, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PUT', url: '/api/me/email', headers: bearer(who), payload });

/** A fresh access token at the clock's current time (they live 15 minutes). */
async function signIn(user: { email: string; password: string }): Promise<{ accessToken: string }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ accessToken: string }>();
}

describe('email verification', () => {
  it('mails a link at sign-up that verifies the address once', async () => {
    const user = await newUser(t.app);
    expect(user.user.emailVerified).toBe(false);
    const [mail] = await mailsTo(user.email);
    expect(mail?.subject).toBe('[이RUN 저RUN] 이메일 주소를 인증해 주세요');
    const token = await tokenMailedTo(user.email);

    expect((await confirm(token)).statusCode).toBe(204);
    expect((await me(user)).emailVerified).toBe(true);

    const again = await confirm(token);
    expect(again.statusCode).toBe(400);
    expect(again.json<ErrorBody>().code).toBe('VERIFICATION_TOKEN_INVALID');
  });

  it('writes the mail in the language chosen at sign-up', async () => {
    const email = uniqueEmail();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: {
        email,
        password: 'run4fun!2026',
        nickname: 'Runner',
        locale: 'en',
        consents: SIGNUP_CONSENTS,
      },
    });
    expect(response.statusCode).toBe(201);
    expect((await mailsTo(email))[0]?.subject).toBe('[이RUN 저RUN] Please verify your email address');
  });

  it('refuses a link past its 24 hours, and unknown or malformed tokens', async () => {
    const user = await newUser(t.app);
    const token = await tokenMailedTo(user.email);
    clock.offsetMs = 24 * HOUR + 60_000;
    const late = await confirm(token);
    expect(late.statusCode).toBe(400);
    expect(late.json<ErrorBody>().code).toBe('VERIFICATION_TOKEN_INVALID');
    clock.offsetMs = 0;
    expect((await me(user)).emailVerified).toBe(false);

    const unknown = await confirm('A'.repeat(43));
    expect(unknown.json<ErrorBody>().code).toBe('VERIFICATION_TOKEN_INVALID');
    const malformed = await confirm('not a token');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
  });

  it('verifies only the account the link was sent for', async () => {
    const a = await newUser(t.app);
    const b = await newUser(t.app);
    expect((await confirm(await tokenMailedTo(a.email))).statusCode).toBe(204);
    expect((await me(a)).emailVerified).toBe(true);
    expect((await me(b)).emailVerified).toBe(false);
  });

  it('lets one of two simultaneous uses of a link succeed', async () => {
    const user = await newUser(t.app);
    const token = await tokenMailedTo(user.email);
    const codes = (await Promise.all([confirm(token), confirm(token), confirm(token)])).map(
      (r) => r.statusCode,
    );
    expect(codes.sort()).toEqual([204, 400, 400]);
  });

  it('resends at most once a minute and five times a day (the sign-up link counted)', async () => {
    const user = await newUser(t.app);
    const tooSoon = await resend(user);
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json<ErrorBody>().code).toBe('RATE_LIMITED');
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(tooSoon.headers['retry-after'])).toBeLessThanOrEqual(60);

    for (let i = 1; i <= 4; i++) {
      clock.offsetMs = i * 2 * 60_000;
      const sent = await resend(await signIn(user));
      expect(sent.statusCode, sent.body).toBe(202);
      expect(sent.json<EmailLinkSent>().email).toBe(user.email);
    }
    expect(await mailsTo(user.email)).toHaveLength(5);
    clock.offsetMs = 20 * 60_000;
    const capped = await resend(await signIn(user));
    expect(capped.statusCode).toBe(429);
    // The day's first link (the sign-up's) leaves the window in a little under 24 hours.
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(23 * 3600);
    clock.offsetMs = 24 * HOUR + 60_000;
    expect((await resend(await signIn(user))).statusCode).toBe(202);

    // Every link of the day works (the newest does not void the others), once.
    const token = await tokenMailedTo(user.email);
    expect((await confirm(token)).statusCode).toBe(204);
    const verified = await resend(await signIn(user));
    expect(verified.statusCode).toBe(409);
    expect(verified.json<ErrorBody>().code).toBe('EMAIL_ALREADY_VERIFIED');
  });

  it('mails nothing to an account made verified (the demo data)', async () => {
    const email = uniqueEmail();
    const { user } = await t.services.auth.signup(
      { email, password: 'run4fun!2026', nickname: '데모러너', consents: SIGNUP_CONSENTS },
      { ip: null, userAgent: '', deviceId: null },
      { emailVerified: true },
    );
    expect(user.emailVerified).toBe(true);
    expect(await mailsTo(email)).toEqual([]);
  });

  it('lets one of simultaneous resends through (the cap cannot be raced)', async () => {
    const user = await newUser(t.app);
    clock.offsetMs = 2 * 60_000;
    const fresh = await signIn(user);
    const codes = (await Promise.all([resend(fresh), resend(fresh), resend(fresh)])).map((r) => r.statusCode);
    expect(codes.sort()).toEqual([202, 429, 429]);
  });

  it('needs a signed-in caller to resend', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/email-verification' });
    expect(response.statusCode).toBe(401);
  });

  it('sends the resent link in the language set later with PATCH /api/me', async () => {
    const user = await newUser(t.app);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(user),
      payload: { locale: 'en' },
    });
    expect(patched.statusCode).toBe(200);
    clock.offsetMs = 2 * 60_000;
    expect((await resend(await signIn(user))).statusCode).toBe(202);
    expect((await mailsTo(user.email)).at(-1)?.subject).toBe(
      '[이RUN 저RUN] Please verify your email address',
    );
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(await signIn(user)),
      payload: { locale: 'fr' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('changing the email address', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await newUser(t.app);
  });

  it('checks the current password first', async () => {
    const wrong = await changeEmail(user, { email: uniqueEmail(), currentPassword: 'not-mine-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().issues?.[0]?.path).toEqual(['body', 'currentPassword']);
    const missing = await changeEmail(user, { email: uniqueEmail() });
    expect(missing.statusCode).toBe(400);
  });

  it('refuses a taken address and the current one', async () => {
    const other = await newUser(t.app);
    const taken = await changeEmail(user, {
      email: other.email.toUpperCase(),
      currentPassword: user.password,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ErrorBody>().code).toBe('EMAIL_TAKEN');
    const same = await changeEmail(user, { email: user.email, currentPassword: user.password });
    expect(same.statusCode).toBe(409);
    expect(same.json<ErrorBody>().code).toBe('EMAIL_UNCHANGED');
  });

  it('mails the new address, keeps the old one until the link is followed, then tells the old one', async () => {
    const next = uniqueEmail();
    const asked = await changeEmail(user, { email: next, currentPassword: user.password });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json<EmailLinkSent>().email).toBe(next);
    const token = await tokenMailedTo(next);
    expect((await mailsTo(next))[0]?.subject).toBe('[이RUN 저RUN] 새 이메일 주소를 인증해 주세요');
    expect((await me(user)).email).toBe(user.email);

    expect((await confirm(token)).statusCode).toBe(204);
    const after = await me(user);
    expect(after).toMatchObject({ email: next, emailVerified: true });
    const told = (await mailsTo(user.email)).at(-1);
    expect(told?.subject).toBe('[이RUN 저RUN] 계정의 이메일 주소가 바뀌었어요');
    expect(told?.text).toContain(`${next.slice(0, 1)}***@example.com`);
    expect(told?.text).not.toContain(next);

    // The new address signs in; the old one no longer does.
    expect((await signIn({ email: next, password: user.password })).accessToken).toBeTruthy();
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(old.statusCode).toBe(401);
    expect((await confirm(token)).statusCode).toBe(400);
  });

  it('voids a verification link of the address the account no longer has', async () => {
    const owner = await newUser(t.app);
    const verifyOld = await tokenMailedTo(owner.email);
    const next = uniqueEmail();
    expect((await changeEmail(owner, { email: next, currentPassword: owner.password })).statusCode).toBe(202);
    expect((await confirm(await tokenMailedTo(next))).statusCode).toBe(204);
    const stale = await confirm(verifyOld);
    expect(stale.statusCode).toBe(400);
    expect(stale.json<ErrorBody>().code).toBe('VERIFICATION_TOKEN_INVALID');
  });

  it('keeps only the newest request: an older change link stops working', async () => {
    const owner = await newUser(t.app);
    const first = uniqueEmail();
    const second = uniqueEmail();
    expect((await changeEmail(owner, { email: first, currentPassword: owner.password })).statusCode).toBe(
      202,
    );
    const firstToken = await tokenMailedTo(first);
    clock.offsetMs = 2 * 60_000;
    const fresh = await signIn(owner);
    expect((await changeEmail(fresh, { email: second, currentPassword: owner.password })).statusCode).toBe(
      202,
    );
    expect((await confirm(firstToken)).statusCode).toBe(400);
    expect((await confirm(await tokenMailedTo(second))).statusCode).toBe(204);
    expect((await me(await signIn({ email: second, password: owner.password }))).email).toBe(second);
  });

  it('answers 409 at confirmation when someone took the address in between', async () => {
    const owner = await newUser(t.app);
    const next = uniqueEmail();
    expect((await changeEmail(owner, { email: next, currentPassword: owner.password })).statusCode).toBe(202);
    const token = await tokenMailedTo(next);
    await newUser(t.app, { email: next });
    const late = await confirm(token);
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().code).toBe('EMAIL_TAKEN');
    expect((await me(owner)).email).toBe(owner.email);
  });

  it('caps change requests like verification links', async () => {
    const owner = await newUser(t.app);
    expect(
      (await changeEmail(owner, { email: uniqueEmail(), currentPassword: owner.password })).statusCode,
    ).toBe(202);
    const soon = await changeEmail(owner, { email: uniqueEmail(), currentPassword: owner.password });
    expect(soon.statusCode).toBe(429);
    expect(soon.headers['retry-after']).toBeDefined();
  });
});

describe('중복확인 and a taken address at sign-up', () => {
  const available = (email: string) =>
    t.app.inject({ method: 'GET', url: `/api/auth/email-availability?email=${encodeURIComponent(email)}` });

  it('says whether an address is free, as sign-up normalises it', async () => {
    const user = await newUser(t.app);
    expect((await available(uniqueEmail())).json()).toEqual({ available: true });
    expect((await available(` ${user.email.toUpperCase()} `)).json()).toEqual({ available: false });
    const bad = await available('not-an-email');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
  });

  it('answers 409 to a sign-up with a taken address and tells its owner once a day', async () => {
    const owner = await newUser(t.app);
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        payload: {
          email: owner.email,
          password: 'other4fun!',
          nickname: '다른사람',
          consents: SIGNUP_CONSENTS,
        },
      });
    const first = await attempt();
    expect(first.statusCode).toBe(409);
    expect(first.json<ErrorBody>().code).toBe('EMAIL_TAKEN');
    expect((await attempt()).statusCode).toBe(409);
    const told = (await mailsTo(owner.email)).filter((m) => m.subject.includes('가입하려고'));
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain(`${PUBLIC_URL}/login`);
    expect(told[0]?.text).toContain(`${PUBLIC_URL}/forgot-password`);

    clock.offsetMs = 25 * HOUR;
    expect((await attempt()).statusCode).toBe(409);
    expect((await mailsTo(owner.email)).filter((m) => m.subject.includes('가입하려고'))).toHaveLength(2);
  });
});
