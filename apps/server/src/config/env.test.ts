import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('gives working defaults for an empty environment', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', RATE_LIMITS: 'on' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.RATE_LIMIT_LOGIN_ACCOUNT).toEqual({ max: 10, windowMs: 15 * 60_000 });
  });

  it('reads COUNT/WINDOW limits in s, m and h', () => {
    const env = parseEnv({ RATE_LIMIT_LOGIN_IP: '5/30s', RATE_LIMIT_SIGNUP_IP: '2/2h' });
    expect(env.RATE_LIMIT_LOGIN_IP).toEqual({ max: 5, windowMs: 30_000 });
    expect(env.RATE_LIMIT_SIGNUP_IP).toEqual({ max: 2, windowMs: 7_200_000 });
  });

  it('names every bad variable in one error', () => {
    expect(() =>
      parseEnv({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        RATE_LIMITS: 'maybe',
        RATE_LIMIT_LOGIN_IP: 'lots',
        JWT_SECRET: 'short',
      }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*RATE_LIMITS[\s\S]*RATE_LIMIT_LOGIN_IP[\s\S]*JWT_SECRET/);
  });

  it('treats an empty optional variable as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', REDIS_URL: '' });
    expect([env.DATABASE_URL, env.REDIS_URL]).toEqual([undefined, undefined]);
  });

  it("allows browsers' push services by default, reads a host list, and keeps the loopback switch out of production", () => {
    const env = parseEnv({});
    expect(env.PUSH_ALLOWED_HOSTS).toContain('fcm.googleapis.com');
    expect(env.PUSH_ALLOWED_HOSTS).toContain('*.push.services.mozilla.com');
    expect([env.TEST_PUSH_LOOPBACK, env.PUSH_MAX_SUBSCRIPTIONS_PER_USER]).toEqual(['off', 10]);
    expect(
      parseEnv({ PUSH_ALLOWED_HOSTS: 'Push.Example.com, *.push.example.net' }).PUSH_ALLOWED_HOSTS,
    ).toEqual(['push.example.com', '*.push.example.net']);
    expect(() => parseEnv({ PUSH_ALLOWED_HOSTS: 'http://push.example.com' })).toThrow(/PUSH_ALLOWED_HOSTS/);
    expect(() => parseEnv({ PUSH_ALLOWED_HOSTS: '*' })).toThrow(/PUSH_ALLOWED_HOSTS/);
    expect(parseEnv({ NODE_ENV: 'test', TEST_PUSH_LOOPBACK: 'on' }).TEST_PUSH_LOOPBACK).toBe('on');
    expect(() => parseEnv({ NODE_ENV: 'production', TEST_PUSH_LOOPBACK: 'on' })).toThrow(
      /TEST_PUSH_LOOPBACK/,
    );
  });
});
