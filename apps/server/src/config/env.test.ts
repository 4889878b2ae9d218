import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('gives working defaults for an empty environment', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', RATE_LIMITS: 'on' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.RATE_LIMIT_LOGIN_ACCOUNT).toEqual({ max: 10, windowMs: 15 * 60_000 });
  });

  it('listens on loopback with the embedded database, on every interface with DATABASE_URL, as HOST says', () => {
    expect(parseEnv({}).HOST).toBe('127.0.0.1');
    expect(parseEnv({ DATABASE_URL: 'postgres://db:5432/erun' }).HOST).toBe('0.0.0.0');
    expect(parseEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('serves the API docs except in production, where API_DOCS=on turns them on; 30 s for a request', () => {
    expect(parseEnv({}).API_DOCS).toBe('auto');
    expect(parseEnv({ API_DOCS: 'on' }).API_DOCS).toBe('on');
    expect(parseEnv({}).REQUEST_TIMEOUT_SECONDS).toBe(30);
    expect(() => parseEnv({ REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/REQUEST_TIMEOUT_SECONDS/);
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
});
