import type { ErrorBody } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../config/env.ts';
import { SIGNUP_CONSENTS, uniqueEmail } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/** Sign-up limits that fit people (issue 15): a crew on one Wi-Fi gets in, a script meets a wall. */

const signup = (t: TestApp, ip: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    remoteAddress: ip,
    headers,
    payload: {
      email: uniqueEmail(),
      password: 'run4fun!2026',
      nickname: '크루원',
      consents: SIGNUP_CONSENTS,
    },
  });

async function statuses(count: number, send: (i: number) => Promise<{ statusCode: number }>) {
  const codes: number[] = [];
  for (let i = 0; i < count; i++) codes.push((await send(i)).statusCode);
  return codes;
}

function expectLimited(response: {
  statusCode: number;
  headers: Record<string, unknown>;
  json: () => unknown;
}) {
  expect(response.statusCode).toBe(429);
  const body = response.json() as ErrorBody;
  expect(Object.keys(body).sort()).toEqual(['code', 'message']);
  expect(body.code).toBe('RATE_LIMITED');
  return Number(response.headers['retry-after']);
}

it('defaults: 40 sign-ups per IP an hour, 100 a day, 60 address checks an hour', () => {
  const env = parseEnv({});
  expect(env.RATE_LIMIT_SIGNUP_IP).toEqual({ max: 40, windowMs: 3_600_000 });
  expect(env.RATE_LIMIT_SIGNUP_IP_DAY).toEqual({ max: 100, windowMs: 86_400_000 });
  expect(env.RATE_LIMIT_EMAIL_CHECK_IP).toEqual({ max: 60, windowMs: 3_600_000 });
});

describe('with the default sign-up limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_SIGNUP_IP: '40/1h', RATE_LIMIT_SIGNUP_IP_DAY: '100/24h' },
    });
  });
  afterAll(() => t.close());

  it('lets a crew of 30 sign up from one address, up to 40 an hour; the 41st gets 429', async () => {
    const codes = await statuses(40, () => signup(t, '198.51.100.30'));
    expect(codes.every((c) => c === 201)).toBe(true);
    const retryAfter = expectLimited(await signup(t, '198.51.100.30'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // Another address is not held up by that crew.
    expect((await signup(t, '198.51.100.31')).statusCode).toBe(201);
  });
});

describe('the daily cap and proxies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        RATE_LIMIT_SIGNUP_IP: '5/1h',
        RATE_LIMIT_SIGNUP_IP_DAY: '3/24h',
        RATE_LIMIT_EMAIL_CHECK_IP: '3/1h',
      },
    });
  });
  afterAll(() => t.close());

  it('stops one address at the daily cap even with the hour not used up', async () => {
    expect(await statuses(3, () => signup(t, '198.51.100.40'))).toEqual([201, 201, 201]);
    const retryAfter = expectLimited(await signup(t, '198.51.100.40'));
    expect(retryAfter).toBeGreaterThan(3600);
  });

  it('does not trust X-Forwarded-For without TRUST_PROXY: a varied header is the same client', async () => {
    const codes = await statuses(4, (i) =>
      signup(t, '198.51.100.50', { 'x-forwarded-for': `203.0.113.${i}` }),
    );
    expect(codes).toEqual([201, 201, 201, 429]);
  });

  it('limits the address check per IP (and a varied X-Forwarded-For does not spread it)', async () => {
    const check = (i: number) =>
      t.app.inject({
        method: 'GET',
        url: `/api/auth/email-availability?email=${uniqueEmail()}`,
        remoteAddress: '198.51.100.60',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
    expect(await statuses(3, check)).toEqual([200, 200, 200]);
    expectLimited(await check(9));
    // The check has its own counter: sign-ups from that address still go through.
    expect((await signup(t, '198.51.100.60')).statusCode).toBe(201);
  });
});
