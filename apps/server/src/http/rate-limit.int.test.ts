import type { ErrorBody } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, SIGNUP_CONSENTS, uniqueEmail } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

describe('rate limits on sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_LOGIN_ACCOUNT: '3/15m', RATE_LIMIT_LOGIN_IP: '6/15m', RATE_LIMIT_SIGNUP_IP: '2/1h' },
    });
  });
  afterAll(() => t.close());

  const login = (email: string, ip = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { email, password: 'wrong-pass1' },
    });

  it('per account and address: the fourth try on one email from one IP gets 429 with Retry-After', async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 3; i++) expect((await login(email, '10.0.1.1')).statusCode).toBe(401);
    const limited = await login(email, '10.0.1.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json<ErrorBody>().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // Another address has its own allowance for this account (security/lockout.security.test.ts).
    expect((await login(email, '10.0.1.2')).statusCode).toBe(401);
  });

  it('per IP: one address trying many emails is stopped too', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await login(uniqueEmail(), '10.0.2.1')).statusCode);
    expect(codes.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(codes[6]).toBe(429);
  });

  it('sign-up is limited per IP', async () => {
    const signup = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        remoteAddress: '10.0.3.1',
        payload: {
          email: uniqueEmail(),
          password: 'run4fun!2026',
          nickname: '러너',
          consents: SIGNUP_CONSENTS,
        },
      });
    expect((await signup()).statusCode).toBe(201);
    expect((await signup()).statusCode).toBe(201);
    expect((await signup()).statusCode).toBe(429);
  });
});

describe('RATE_LIMITS=off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMITS: 'off', RATE_LIMIT_LOGIN_ACCOUNT: '1/15m' } });
  });
  afterAll(() => t.close());

  it('never answers 429', async () => {
    const user = await newUser(t.app);
    for (let i = 0; i < 4; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: 'wrong-pass1' },
      });
      expect(response.statusCode).toBe(401);
    }
  });
});
