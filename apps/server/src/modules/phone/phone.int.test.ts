import type { ErrorBody, Me, PhoneStatus } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSens } from '../../test/fake-sens.ts';
import { bearer, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
const sens = new FakeSens('ncp:sms:kr:1:erun', 'access-key', 'secret-key-for-the-fake-gateway');
let t: TestApp;
let ipCounter = 0;
beforeAll(async () => {
  const baseUrl = await sens.start();
  t = await createTestApp({
    clock,
    env: {
      SMS_PROVIDER: 'sens',
      SENS_BASE_URL: baseUrl,
      SENS_SERVICE_ID: sens.serviceId,
      SENS_ACCESS_KEY: sens.accessKey,
      SENS_SECRET_KEY: sens.secretKey,
      SENS_FROM: '0212345678',
    },
  });
});
afterAll(async () => {
  await t.close();
  await sens.stop();
});

/** Each test gets its own caller IP and numbers, so the per-IP and per-number limits do not leak between tests. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
let phoneCounter = 0;
const freshPhone = () => `010${String(20_000_000 + ++phoneCounter * 7919).padStart(8, '0')}`;

const request = (who: TestUser, phone: string, ip = '10.9.9.9') =>
  t.app.inject({
    method: 'POST',
    url: '/api/me/phone/verification',
    headers: bearer(who),
    remoteAddress: ip,
    payload: { phone },
  });
const confirm = (who: TestUser, phone: string, code: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/me/phone/verification/confirm',
    headers: bearer(who),
    payload: { phone, code },
  });
const me = async (who: TestUser) =>
  (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(who) })).json<Me>();
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const advance = (ms: number) => {
  clock.offsetMs += ms;
};

describe('phone verification', () => {
  it('texts a code, verifies with it, stores the number encrypted and shows it masked', async () => {
    const user = await newUser(t.app);
    const sent = await request(user, '010-1234-5678', freshIp());
    expect(sent.statusCode).toBe(202);
    const message = sens.messages.at(-1);
    expect(message).toMatchObject({ to: '01012345678', type: 'SMS', signatureValid: true });
    expect(message?.content).toMatch(/^\[이RUN 저RUN\] 인증번호 \d{6} \(3분 안에 입력해 주세요\)$/);
    const code = sens.codeFor('01012345678') ?? '';

    const bad = await confirm(user, '01012345678', wrong(code));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().code).toBe('PHONE_CODE_INVALID');
    const ok = await confirm(user, '+82 10 1234 5678', code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<PhoneStatus>()).toEqual({
      phone: '010-****-5678',
      phoneVerified: true,
      smsConsent: false,
    });
    expect(await me(user)).toMatchObject({ phone: '010-****-5678', phoneVerified: true, smsConsent: false });

    const stored = await t.database.executeSql(
      'select phone_encrypted, phone_last4, phone_verified_at from users where id = $1',
      [user.user.id],
    );
    const row = stored.rows[0] as { phone_encrypted: string; phone_last4: string; phone_verified_at: Date };
    expect(row.phone_last4).toBe('5678');
    expect(row.phone_verified_at).not.toBeNull();
    expect(row.phone_encrypted).not.toContain('12345678');
    expect(Buffer.from(row.phone_encrypted, 'base64').toString('latin1')).not.toContain('12345678');
    const codes = await t.database.executeSql(
      'select phone_hash, code_hash from phone_verifications where user_id = $1',
      [user.user.id],
    );
    expect(JSON.stringify(codes.rows)).not.toContain('12345678');
    expect(JSON.stringify(codes.rows)).not.toContain(code);

    // The code is used up.
    expect((await confirm(user, '01012345678', code)).json<ErrorBody>().code).toBe('PHONE_CODE_EXPIRED');

    // The owner's data export gives the number in clear.
    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/me/export',
      headers: bearer(user),
    });
    expect(exported.json<{ profile: { phone: { number: string } } }>().profile.phone.number).toBe(
      '01012345678',
    );
  });

  it('binds the code to the number it was sent to', async () => {
    const user = await newUser(t.app);
    const phone = freshPhone();
    expect((await request(user, phone, freshIp())).statusCode).toBe(202);
    const code = sens.codeFor(phone) ?? '';
    const other = await confirm(user, freshPhone(), code);
    expect(other.statusCode).toBe(409);
    expect(other.json<ErrorBody>().code).toBe('PHONE_CODE_EXPIRED');
  });

  it('expires a code after 3 minutes', async () => {
    const user = await newUser(t.app);
    const phone = freshPhone();
    await request(user, phone, freshIp());
    const code = sens.codeFor(phone) ?? '';
    advance(3 * 60_000 + 1000);
    const late = await confirm(user, phone, code);
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().code).toBe('PHONE_CODE_EXPIRED');
  });

  it('burns a code after five wrong tries, even when the sixth is right', async () => {
    const user = await newUser(t.app);
    const phone = freshPhone();
    await request(user, phone, freshIp());
    const code = sens.codeFor(phone) ?? '';
    const tries = await Promise.all(Array.from({ length: 5 }, () => confirm(user, phone, wrong(code))));
    expect(tries.map((r) => r.json<ErrorBody>().code)).toEqual(Array(5).fill('PHONE_CODE_INVALID'));
    const sixth = await confirm(user, phone, code);
    expect(sixth.statusCode).toBe(409);
    expect((await me(user)).phoneVerified).toBe(false);
  });

  it('lets a code be asked for again after 60 seconds only; the new one replaces the old', async () => {
    const user = await newUser(t.app);
    const phone = freshPhone();
    const ip = freshIp();
    await request(user, phone, ip);
    const first = sens.codeFor(phone) ?? '';
    advance(30_000);
    const soon = await request(user, phone, ip);
    expect(soon.statusCode).toBe(429);
    expect(soon.json<ErrorBody>().code).toBe('PHONE_RESEND_TOO_SOON');
    expect(Number(soon.headers['retry-after'])).toBeGreaterThanOrEqual(29);
    expect(Number(soon.headers['retry-after'])).toBeLessThanOrEqual(31);
    advance(31_000);
    expect((await request(user, phone, ip)).statusCode).toBe(202);
    const second = sens.codeFor(phone) ?? '';
    if (second !== first) expect((await confirm(user, phone, first)).statusCode).toBe(400);
    expect((await confirm(user, phone, second)).statusCode).toBe(200);
  });

  it('sends at most 20 codes to a number a day, whoever asks (429)', async () => {
    const phone = freshPhone();
    const users = await Promise.all(Array.from({ length: 22 }, () => newUser(t.app)));
    const answers = await Promise.all(users.map((u) => request(u, phone, freshIp())));
    expect(answers.filter((r) => r.statusCode === 202)).toHaveLength(20);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.json<ErrorBody>().code).toBe('RATE_LIMITED');
    expect(Number(refused[0]?.headers['retry-after'])).toBeGreaterThan(86_000);
    advance(86_400_000 + 1000);
    // (A new user: the others' access tokens have expired by now.)
    expect((await request(await newUser(t.app), phone, freshIp())).statusCode).toBe(202);
  });

  it('sends at most 5 codes an hour to one IP (429)', async () => {
    const ip = freshIp();
    const users = await Promise.all(Array.from({ length: 6 }, () => newUser(t.app)));
    const answers = [];
    for (const u of users) answers.push(await request(u, freshPhone(), ip));
    expect(answers.map((r) => r.statusCode)).toEqual([202, 202, 202, 202, 202, 429]);
    expect(answers[5]?.json<ErrorBody>().code).toBe('RATE_LIMITED');
    advance(3_600_000 + 1000);
    expect((await request(await newUser(t.app), freshPhone(), ip)).statusCode).toBe(202);
  });

  it('refuses numbers that are not Korean mobiles, bad codes (400) and guests (401)', async () => {
    const user = await newUser(t.app);
    for (const phone of ['02-123-4567', '010-1234-567', 'abc01012345678', '']) {
      const response = await request(user, phone, freshIp());
      expect(response.statusCode, phone).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    }
    for (const code of ['12345', '1234567', 'abcdef']) {
      expect((await confirm(user, '01012345678', code)).statusCode, code).toBe(400);
    }
    const guest = await t.app.inject({
      method: 'POST',
      url: '/api/me/phone/verification',
      payload: { phone: '01012345678' },
    });
    expect(guest.statusCode).toBe(401);
  });
});

describe('SMS consent and removing the number', () => {
  it('needs a verified number to consent; removing the number withdraws consent', async () => {
    const user = await newUser(t.app);
    const consent = (value: boolean) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/me/sms-consent',
        headers: bearer(user),
        payload: { consent: value },
      });
    const early = await consent(true);
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().code).toBe('PHONE_NOT_VERIFIED');

    const phone = freshPhone();
    await request(user, phone, freshIp());
    await confirm(user, phone, sens.codeFor(phone) ?? '');
    expect((await consent(true)).json<PhoneStatus>().smsConsent).toBe(true);
    expect(await me(user)).toMatchObject({ phoneVerified: true, smsConsent: true });

    const removed = await t.app.inject({ method: 'DELETE', url: '/api/me/phone', headers: bearer(user) });
    expect(removed.statusCode).toBe(204);
    expect(await me(user)).toMatchObject({ phone: null, phoneVerified: false, smsConsent: false });
    expect((await consent(false)).statusCode).toBe(200);
  });
});
