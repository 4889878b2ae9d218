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

  it('exposes no metrics by default, refuses a short METRICS_TOKEN, and a worker METRICS_PORT without one', () => {
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
    const token = 'a-long-enough-token-1234';
    expect(parseEnv({ METRICS_TOKEN: token, METRICS_PORT: '9464' })).toMatchObject({
      METRICS_TOKEN: token,
      METRICS_PORT: 9464,
    });
    expect(() => parseEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => parseEnv({ METRICS_TOKEN: 'has a space in it 1234' })).toThrow(/METRICS_TOKEN/);
    expect(() => parseEnv({ METRICS_PORT: '9464' })).toThrow(/METRICS_PORT: needs METRICS_TOKEN/);
    expect(() => parseEnv({ METRICS_TOKEN: token, METRICS_PORT: 'x' })).toThrow(/METRICS_PORT/);
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

  it('drains 5 s on SIGTERM by default, and refuses a forced-exit timeout that does not exceed the drain', () => {
    expect(parseEnv({})).toMatchObject({ SHUTDOWN_DRAIN_SECONDS: 5, SHUTDOWN_TIMEOUT_SECONDS: 30 });
    expect(parseEnv({ SHUTDOWN_DRAIN_SECONDS: '0' }).SHUTDOWN_DRAIN_SECONDS).toBe(0);
    expect(() => parseEnv({ SHUTDOWN_DRAIN_SECONDS: '30', SHUTDOWN_TIMEOUT_SECONDS: '30' })).toThrow(
      /SHUTDOWN_TIMEOUT_SECONDS/,
    );
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

  it('refuses production without an https PUBLIC_URL, naming the variable', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      /PUBLIC_URL: production needs the https origin/,
    );
    expect(() => parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'http://erun.example.com' })).toThrow(
      /PUBLIC_URL/,
    );
    expect(() => parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000' })).toThrow(
      /PUBLIC_URL/,
    );
    expect(parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://erun.example.com' }).PUBLIC_URL).toBe(
      'https://erun.example.com',
    );
    expect(parseEnv({ NODE_ENV: 'development' }).PUBLIC_URL).toBeUndefined();
  });

  it('reads TRUST_PROXY as off, a hop count or a list of proxy addresses and CIDRs', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: 'off' }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: '' }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,fd00::/8,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses TRUST_PROXY=on (trust every hop) with the forms it accepts', () => {
    for (const value of ['on', 'true', 'TRUE', 'all']) {
      expect(() => parseEnv({ TRUST_PROXY: value }), value).toThrow(
        /TRUST_PROXY: trusting every hop[\s\S]*hop count[\s\S]*10\.0\.0\.0\/8/,
      );
    }
    for (const value of ['10.0.0.0/33', '10.0.0.300', 'proxy.example', '1,2', '-1', '1.5']) {
      expect(() => parseEnv({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY: expected off, a hop count/);
    }
  });

  it('keeps uploads in the local folder by default; STORAGE=s3 names each missing S3 variable', () => {
    expect(parseEnv({}).STORAGE).toBe('local');
    expect(() => parseEnv({ STORAGE: 's3' })).toThrow(
      /S3_BUCKET: STORAGE=s3 needs S3_BUCKET[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY[\s\S]*S3_REGION/,
    );
    expect(() => parseEnv({ STORAGE: 'ftp' })).toThrow(/STORAGE/);
  });

  it('reads the S3 settings: region and path style follow S3_ENDPOINT unless set; URLs are http(s)', () => {
    const keys = {
      STORAGE: 's3',
      S3_BUCKET: 'erun-photos',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    const minio = parseEnv({
      ...keys,
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_PUBLIC_URL: 'http://cdn.local/p/',
    });
    expect(minio).toMatchObject({
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: true,
      S3_PUBLIC_URL: 'http://cdn.local/p',
      S3_TIMEOUT_MS: 5000,
    });
    const aws = parseEnv({ ...keys, S3_REGION: 'ap-northeast-2' });
    expect([aws.S3_REGION, aws.S3_FORCE_PATH_STYLE]).toEqual(['ap-northeast-2', false]);
    expect(
      parseEnv({ ...keys, S3_ENDPOINT: 'https://r2.example', S3_FORCE_PATH_STYLE: 'false' })
        .S3_FORCE_PATH_STYLE,
    ).toBe(false);
    expect(() => parseEnv({ ...keys, S3_REGION: 'x', S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(
      /S3_FORCE_PATH_STYLE/,
    );
    expect(() => parseEnv({ ...keys, S3_REGION: 'x', S3_PUBLIC_URL: 'ftp://cdn.example' })).toThrow(
      /S3_PUBLIC_URL/,
    );
    expect(() => parseEnv({ ...keys, S3_REGION: 'x', S3_PUBLIC_URL: 'cdn.example' })).toThrow(
      /S3_PUBLIC_URL/,
    );
    expect(() => parseEnv({ ...keys, S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
    expect(() => parseEnv({ ...keys, S3_REGION: 'x', S3_BUCKET: 'Bad_Bucket' })).toThrow(/S3_BUCKET/);
    expect(() =>
      parseEnv({
        ...keys,
        S3_REGION: 'x',
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://erun.example',
        S3_PUBLIC_URL: 'http://cdn.example',
      }),
    ).toThrow(/S3_PUBLIC_URL: production needs an https URL/);
  });

  it('writes mail to the log without SMTP_URL; accepts smtp:// and smtps:// only, naming the variable', () => {
    const env = parseEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe('이RUN 저RUN <no-reply@localhost>');
    expect(env.SMTP_TIMEOUT_MS).toBe(10_000);
    expect(parseEnv({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    for (const url of [
      'smtp://user:pa%40ss@mail.example:587',
      'smtps://mail.example:465',
      'smtp://127.0.0.1:2525',
    ])
      expect(parseEnv({ SMTP_URL: url }).SMTP_URL).toBe(url);
    for (const url of ['http://mail.example', 'mail.example:587', 'smtp:/nohost'])
      expect(() => parseEnv({ SMTP_URL: url })).toThrow(/SMTP_URL: expected smtp:\/\/user:pass@host:587/);
    const secret = 'hunter2-secret';
    expect(() => parseEnv({ SMTP_URL: `ftp://user:${secret}@host` })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) as unknown }),
    );
  });

  it('searches places without Kakao by default; KAKAO_LOCAL_URL is an https origin, or loopback http outside production', () => {
    const env = parseEnv({});
    expect(env.KAKAO_REST_API_KEY).toBeUndefined();
    expect(env.KAKAO_LOCAL_URL).toBe('https://dapi.kakao.com');
    expect(env.KAKAO_LOCAL_TIMEOUT_MS).toBe(2000);
    expect(env.RATE_LIMIT_PLACES_IP).toEqual({ max: 120, windowMs: 60_000 });
    expect(parseEnv({ KAKAO_REST_API_KEY: 'abc123' }).KAKAO_REST_API_KEY).toBe('abc123');
    expect(() => parseEnv({ KAKAO_REST_API_KEY: 'has space' })).toThrow(/KAKAO_REST_API_KEY/);
    for (const url of ['http://127.0.0.1:4010', 'http://localhost:4010', 'https://local.example'])
      expect(parseEnv({ KAKAO_LOCAL_URL: url }).KAKAO_LOCAL_URL).toBe(url);
    for (const url of [
      'http://dapi.kakao.com',
      'http://10.0.0.5',
      'https://dapi.kakao.com/v2/local',
      'https://user:pw@dapi.kakao.com',
      'https://dapi.kakao.com?x=1',
      'ftp://dapi.kakao.com',
      'dapi.kakao.com',
    ])
      expect(() => parseEnv({ KAKAO_LOCAL_URL: url }), url).toThrow(/KAKAO_LOCAL_URL/);
    const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://erun.example' };
    expect(() => parseEnv({ ...production, KAKAO_LOCAL_URL: 'http://127.0.0.1:4010' })).toThrow(
      /KAKAO_LOCAL_URL: is for tests/,
    );
    expect(() => parseEnv({ KAKAO_LOCAL_TIMEOUT_MS: '50' })).toThrow(/KAKAO_LOCAL_TIMEOUT_MS/);
  });

  it('reads MAIL_FROM as an address with an optional name, and bounds SMTP_TIMEOUT_MS', () => {
    expect(parseEnv({ MAIL_FROM: 'no-reply@erun.example' }).MAIL_FROM).toBe('no-reply@erun.example');
    expect(parseEnv({ MAIL_FROM: '이RUN 저RUN <a@b.kr>' }).MAIL_FROM).toBe('이RUN 저RUN <a@b.kr>');
    for (const from of ['nobody', 'Name <nobody>', 'a@b.kr\r\nBcc: x@y.z', 'Na\nme <a@b.kr>'])
      expect(() => parseEnv({ MAIL_FROM: from })).toThrow(/MAIL_FROM/);
    expect(parseEnv({ SMTP_TIMEOUT_MS: '2500' }).SMTP_TIMEOUT_MS).toBe(2500);
    expect(() => parseEnv({ SMTP_TIMEOUT_MS: '60000' })).toThrow(/SMTP_TIMEOUT_MS/);
  });
  it('shows no weather by default; the providers are https origins, or loopback http outside production', () => {
    const env = parseEnv({});
    expect([env.KMA_SERVICE_KEY, env.AIRKOREA_SERVICE_KEY]).toEqual([undefined, undefined]);
    expect([env.KMA_API_URL, env.AIRKOREA_API_URL]).toEqual([
      'https://apis.data.go.kr',
      'https://apis.data.go.kr',
    ]);
    expect([env.KMA_TIMEOUT_MS, env.AIRKOREA_TIMEOUT_MS]).toEqual([3000, 3000]);
    expect(parseEnv({ KMA_SERVICE_KEY: 'abc+/def==' }).KMA_SERVICE_KEY).toBe('abc+/def==');
    expect(() => parseEnv({ KMA_SERVICE_KEY: 'has space' })).toThrow(/KMA_SERVICE_KEY/);
    expect(parseEnv({ KMA_API_URL: 'http://127.0.0.1:4020' }).KMA_API_URL).toBe('http://127.0.0.1:4020');
    for (const url of ['http://apis.data.go.kr', 'https://apis.data.go.kr/1360000', 'ftp://x.kr'])
      expect(() => parseEnv({ AIRKOREA_API_URL: url }), url).toThrow(/AIRKOREA_API_URL/);
    const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://erun.example' };
    expect(() => parseEnv({ ...production, KMA_API_URL: 'http://127.0.0.1:4020' })).toThrow(/KMA_API_URL/);
    expect(() => parseEnv({ KMA_TIMEOUT_MS: '50' })).toThrow(/KMA_TIMEOUT_MS/);
  });
});
