import type { ErrorBody } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newUser, type TestUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

/**
 * Limits meant to stop guessing were keyed on the victim alone: 10 wrong logins for someone's email locked the
 * owner out from everywhere, and 5 code requests by strangers kept a number's owner from verifying it for a day.
 */
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
const advance = (ms: number) => {
  clock.offsetMs += ms;
};
const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.7';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    clock,
    env: { RATE_LIMIT_LOGIN_ACCOUNT: '10/15m', RATE_LIMIT_LOGIN_IP: '1000/15m' },
  });
});
afterAll(() => t.close());

const login = (email: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { email, password } });

async function guess(email: string, times: number) {
  const codes: number[] = [];
  for (let i = 0; i < times; i++) codes.push((await login(email, 'wrong-pass1', ATTACKER)).statusCode);
  return codes;
}

describe('login', () => {
  it("a stranger's wrong passwords do not lock the owner out of their own address", async () => {
    const owner = await newUser(t.app);
    expect(await guess(owner.email, 11)).toEqual([...Array<number>(10).fill(401), 429]);
    expect((await login(owner.email, owner.password, OWNER)).statusCode).toBe(200);
  });

  it("the stranger's lock-out doubles each time it is earned again", async () => {
    const owner = await newUser(t.app);
    const retryAfter = async () => {
      const codes = await guess(owner.email, 11);
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      const locked = await login(owner.email, 'wrong-pass1', ATTACKER);
      expect(locked.statusCode).toBe(429);
      expect(locked.json<ErrorBody>().code).toBe('RATE_LIMITED');
      return Number(locked.headers['retry-after']);
    };
    expect(await retryAfter()).toBeCloseTo(15 * 60, -1);
    advance(15 * 60_000 + 1000);
    expect(await retryAfter()).toBeCloseTo(30 * 60, -1);
    // Locked out, even with the right password, from that address only.
    expect((await login(owner.email, owner.password, ATTACKER)).statusCode).toBe(429);
    advance(30 * 60_000 + 1000);
    expect(await retryAfter()).toBeCloseTo(60 * 60, -1);
    expect((await login(owner.email, owner.password, OWNER)).statusCode).toBe(200);
  });
});

describe('DELETE /api/me', () => {
  const remove = (user: TestUser, password: string) =>
    t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      remoteAddress: ATTACKER,
      headers: bearer(user),
      payload: { password },
    });

  it('re-checks the password like a login: wrong passwords get 429 after 10', async () => {
    const user = await newUser(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await remove(user, `wrong-pass${i}`)).statusCode);
    expect(codes).toEqual([...Array<number>(10).fill(400), 429]);
    // The right password from that address waits too; the account is still there.
    expect((await remove(user, user.password)).statusCode).toBe(429);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(user) })).statusCode).toBe(
      200,
    );
  });
});

describe('phone verification codes', () => {
  let ip = 0;
  const freshIp = () => `10.77.${Math.floor(++ip / 250)}.${ip % 250}`;
  const ask = (user: TestUser, phone: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/me/phone/verification',
      remoteAddress: freshIp(),
      headers: bearer(user),
      payload: { phone },
    });

  it("a stranger's requests for someone's number do not block its owner", async () => {
    const phone = '01055501234';
    const stranger = await newUser(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push((await ask(stranger, phone)).statusCode);
      advance(61_000);
    }
    expect(codes).toEqual([202, 202, 202, 202, 202, 429]);
    const owner = await newUser(t.app);
    expect((await ask(owner, phone)).statusCode).toBe(202);
  });

  it('one account cannot text numbers without end', async () => {
    const pumper = await newUser(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      codes.push((await ask(pumper, `010666${String(i).padStart(5, '0')}`)).statusCode);
      advance(61_000);
    }
    expect(codes).toEqual([...Array<number>(10).fill(202), 429]);
  });
});
