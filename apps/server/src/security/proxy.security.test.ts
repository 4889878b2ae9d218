import type { Course } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCourse, newUser, SIGNUP_CONSENTS, uniqueEmail } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

/**
 * Behind a load balancer the client chooses the leftmost X-Forwarded-For entries; only the hops we trust
 * (a count, or listed addresses) may be skipped. Once every hop was trusted and each spoofed value was a
 * new client to every per-IP limit and to the course view count.
 */
const LOAD_BALANCER = '10.0.0.2';
const spoofed = (i: number) => `198.51.100.${i}`;

const login = (t: TestApp, remoteAddress: string, forwardedFor: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { email: uniqueEmail(), password: 'wrong-pass1' },
  });

async function statuses(count: number, send: (i: number) => Promise<{ statusCode: number }>) {
  const codes: number[] = [];
  for (let i = 0; i < count; i++) codes.push((await send(i)).statusCode);
  return codes;
}

describe('TRUST_PROXY=1 (one load balancer)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        TRUST_PROXY: '1',
        RATE_LIMIT_LOGIN_IP: '3/15m',
        RATE_LIMIT_SIGNUP_IP: '2/1h',
        RATE_LIMIT_API_IP: '20/1m',
        RESPONSE_CACHE_MS: '0',
      },
    });
  });
  afterAll(() => t.close());

  it('limits logins of one real client as one client, whatever leftmost X-Forwarded-For it sends', async () => {
    const codes = await statuses(5, (i) => login(t, LOAD_BALANCER, `${spoofed(i)}, 203.0.113.7`));
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    // Another client behind the same balancer has its own allowance.
    expect((await login(t, LOAD_BALANCER, `${spoofed(1)}, 203.0.113.8`)).statusCode).toBe(401);
  });

  it('limits sign-ups and every API call per real client too', async () => {
    const signup = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        remoteAddress: LOAD_BALANCER,
        headers: { 'x-forwarded-for': `${spoofed(i)}, 203.0.113.20` },
        payload: {
          email: uniqueEmail(),
          password: 'run4fun!2026',
          nickname: '러너',
          consents: SIGNUP_CONSENTS,
        },
      });
    expect(await statuses(3, signup)).toEqual([201, 201, 429]);
    const health = (i: number) =>
      t.app.inject({
        method: 'GET',
        url: '/api/runs',
        remoteAddress: LOAD_BALANCER,
        headers: { 'x-forwarded-for': `${spoofed(i)},203.0.113.21` },
      });
    const codes = await statuses(21, health);
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('counts a guest once on a course however often it varies X-Forwarded-For', async () => {
    const author = await newUser(t.app, { nickname: '코스장인' });
    const course = await newCourse(t.app, author);
    let views = -1;
    for (let i = 0; i < 5; i++) {
      const page = await t.app.inject({
        method: 'GET',
        url: `/api/courses/${course.id}`,
        remoteAddress: LOAD_BALANCER,
        headers: { 'x-forwarded-for': `${spoofed(i)}, 203.0.113.30` },
      });
      views = page.json<Course>().views;
    }
    expect(views).toBe(1);
  });
});

describe('TRUST_PROXY as a list of proxy addresses and CIDRs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { TRUST_PROXY: '10.0.0.0/8,192.168.1.5', RATE_LIMIT_LOGIN_IP: '3/15m' },
    });
  });
  afterAll(() => t.close());

  it('skips the listed hops, and the client behind them is one client', async () => {
    const codes = await statuses(4, (i) =>
      login(t, LOAD_BALANCER, `${spoofed(i)}, 203.0.113.40, 192.168.1.5, 10.9.9.9`),
    );
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('stops at the first hop not in the list', async () => {
    // 192.168.1.6 is not a listed proxy: it is the client, whatever it forwarded.
    const codes = await statuses(4, (i) =>
      login(t, LOAD_BALANCER, `${spoofed(i)}, 203.0.113.${i}, 192.168.1.6`),
    );
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('ignores X-Forwarded-For from a peer that is not a listed proxy', async () => {
    const codes = await statuses(4, (i) => login(t, '203.0.113.50', spoofed(i)));
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});
