import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, startTcpProxy, until, type PrivateRedis, type TcpProxy } from '../test/faults.ts';
import { sampleOf } from '../test/prometheus.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

const TOKEN = 'fault-scrape-token-0123456789';

/**
 * `/metrics` while Redis is away (issue 13, ADR 014): the scrape never waits on Redis, and the gauges an operator
 * alerts on say what happened: the connection down, rate limits counted per process; and back again. Redis is a
 * private redis-server behind a proxy the test cuts and freezes.
 */
describe('metrics while Redis is away', { timeout: 60_000 }, () => {
  let redis: PrivateRedis;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    proxy = await startTcpProxy(redis.port);
    t = await createTestApp({
      redisUrl: `redis://127.0.0.1:${proxy.port}`,
      env: { METRICS_TOKEN: TOKEN },
    });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await redis?.stop();
  });

  async function scrape(): Promise<string> {
    const response = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    return response.body;
  }
  const redisUp = async () => sampleOf(await scrape(), 'erun_redis_up', { connection: 'commands' });
  const mode = async () => {
    const text = await scrape();
    return ['redis', 'fallback', 'memory'].find(
      (m) => sampleOf(text, 'erun_rate_limiter_mode', { mode: m }) === 1,
    );
  };
  const request = async () =>
    expect((await t.app.inject({ method: 'GET', url: '/api/runs' })).statusCode).toBe(200);

  it('flips Redis up and the rate limiter mode when Redis is refused, frozen and back', async () => {
    expect(await redisUp()).toBe(1);
    expect(sampleOf(await scrape(), 'erun_redis_up', { connection: 'subscriber' })).toBe(1);
    await request();
    expect(await mode()).toBe('redis');

    proxy.set('refuse');
    await until('the connection to be reported down', async () => (await redisUp()) === 0);
    await request();
    expect(await mode()).toBe('fallback');
    expect(sampleOf(await scrape(), 'erun_database_up')).toBe(1);

    proxy.set('open');
    await until('the connection to be reported up', async () => (await redisUp()) === 1);
    await until('the limiter to share limits through Redis again', async () => {
      await request();
      return (await mode()) === 'redis';
    });

    // Frozen: the connection looks ready, but commands time out; the limiter's fallback says so.
    proxy.set('freeze');
    await request();
    expect(await mode()).toBe('fallback');

    proxy.set('open');
    await until('the limiter to share limits through Redis again', async () => {
      await request();
      return (await mode()) === 'redis';
    });
  });
});
