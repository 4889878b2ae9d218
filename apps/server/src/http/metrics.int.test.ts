import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser } from '../test/factories.ts';
import { until } from '../test/faults.ts';
import { sampleOf } from '../test/prometheus.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

const TOKEN = 'scrape-token-0123456789abcdef';
const scrape = { authorization: `Bearer ${TOKEN}` };

describe('GET /metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is not exposed: 404 with the error body, whatever the request carries', async () => {
    for (const headers of [{}, scrape, { authorization: 'Bearer ' }]) {
      const response = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: 'No route for GET /metrics' });
    }
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  const get = (headers: Record<string, string> = scrape) =>
    t.app.inject({ method: 'GET', url: '/metrics', headers });

  it('answers 401 with the error body without the token, with a wrong one or another scheme', async () => {
    const refused: Record<string, string>[] = [
      {},
      { authorization: TOKEN },
      { authorization: `Basic ${Buffer.from(`prometheus:${TOKEN}`).toString('base64')}` },
      { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Bearer ${TOKEN} ${TOKEN}` },
      { authorization: 'Bearer ' },
    ];
    for (const headers of refused) {
      const response = await get(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(401);
      expect(response.json()).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Metrics need Authorization: Bearer <METRICS_TOKEN>',
      });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(response.body).not.toContain('nodejs_');
    }
  });

  it('answers the Prometheus text format to Authorization: Bearer <token>', async () => {
    // A request that uses the database first: the pool then holds a connection (idle) when it is scraped.
    expect((await t.app.inject({ method: 'GET', url: '/api/runs' })).statusCode).toBe(200);
    const response = await get();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    const text = response.body;
    // Default metrics: the event loop's delay and the process.
    expect(sampleOf(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(sampleOf(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sampleOf(text, 'erun_database_up')).toBe(1);
    expect(sampleOf(text, 'erun_database_info', { kind: t.database.kind })).toBe(1);
    expect(sampleOf(text, 'erun_socketio_connected_sockets')).toBe(0);
    expect(sampleOf(text, 'erun_delivery_outbox_pending')).toBeGreaterThanOrEqual(0);
    // Shared through Redis when the tests have one, per process by design otherwise; never both.
    const mode = process.env.TEST_REDIS_URL ? 'redis' : 'memory';
    for (const m of ['redis', 'fallback', 'memory'])
      expect(sampleOf(text, 'erun_rate_limiter_mode', { mode: m }), m).toBe(m === mode ? 1 : 0);
    if (mode === 'redis') expect(sampleOf(text, 'erun_redis_up', { connection: 'commands' })).toBe(1);
    if (t.database.kind === 'postgres') {
      expect(sampleOf(text, 'erun_database_pool_max')).toBe(10);
      expect(sampleOf(text, 'erun_database_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    } else {
      expect(sampleOf(text, 'erun_database_pool_max')).toBeUndefined();
    }
  });

  it('times requests by route template, never by raw path', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host);
    for (let i = 0; i < 3; i++) {
      const page = await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}`, headers: bearer(host) });
      expect(page.statusCode).toBe(200);
    }
    const missing = await t.app.inject({ method: 'GET', url: `/api/nowhere/${run.id}?x=1` });
    expect(missing.statusCode).toBe(404);

    const text = (await get()).body;
    const labels = { method: 'GET', route: '/api/runs/:runId', status_code: '200' };
    expect(sampleOf(text, 'http_request_duration_seconds_count', labels)).toBe(3);
    expect(sampleOf(text, 'http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(3);
    expect(sampleOf(text, 'http_requests_total', labels)).toBe(3);
    expect(
      sampleOf(text, 'http_requests_total', { method: 'GET', route: 'unmatched', status_code: '404' }),
    ).toBe(1);
    expect(
      sampleOf(text, 'http_requests_total', { method: 'POST', route: '/api/runs', status_code: '201' }),
    ).toBe(1);
    expect(text).not.toContain(run.id);
    expect(text).not.toContain('/api/nowhere');
  });

  it('counts the reads of readers’ own data kept by this process (ADR 025) and those read from the database', async () => {
    const host = await newUser(t.app);
    for (let i = 0; i < 6; i += 1) await newRun(t.app, host);
    const reader = await newUser(t.app);
    const reads = async () => {
      const text = (await get()).body;
      return {
        hit: sampleOf(text, 'erun_reader_cache_reads_total', { result: 'hit' }) ?? Number.NaN,
        miss: sampleOf(text, 'erun_reader_cache_reads_total', { result: 'miss' }) ?? Number.NaN,
      };
    };
    const before = await reads();
    // The state on six runs is read; then five of them, held.
    for (const limit of [6, 5]) {
      const url = `/api/runs?hostId=${host.user.id}&limit=${limit}`;
      expect((await t.app.inject({ method: 'GET', url, headers: bearer(reader) })).statusCode).toBe(200);
    }
    const after = await reads();
    const keeps = t.redis !== undefined || t.database.kind === 'pglite';
    expect(after.miss - before.miss).toBe(keeps ? 2 : 4);
    expect(after.hit - before.hit).toBe(keeps ? 2 : 0);
  });

  it('counts the socket.io connections of this process', async () => {
    const sockets = async () => sampleOf((await get()).body, 'erun_socketio_connected_sockets');
    expect(await sockets()).toBe(0);
    const user = await newUser(t.app);
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const socket: Socket = io(address, {
      path: '/socket.io',
      auth: { token: user.accessToken },
      transports: ['websocket'],
    });
    try {
      await new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(undefined));
        socket.once('connect_error', reject);
      });
      expect(await sockets()).toBe(1);
    } finally {
      socket.disconnect();
    }
    await until('the socket to be gone', async () => (await sockets()) === 0);
  });

  it('reads the delivery outbox from the database', async () => {
    const host = await newUser(t.app);
    const pending = async () => sampleOf((await get()).body, 'erun_delivery_outbox_pending') ?? -1;
    const baseline = await pending();
    await t.database.executeSql(
      `with n as (
         insert into notifications (user_id, category, data, link)
         values ($1, 'system', '{}'::jsonb, '/') returning id
       )
       insert into notification_deliveries (notification_id, channel, status, created_at)
       select id, 'push', 'pending', now() - interval '90 seconds' from n`,
      [host.user.id],
    );
    // Read at most every few seconds (SAMPLE_TTL_MS): a fresh sampler sees it at once.
    t.metrics?.sampler.forget();
    expect(t.metrics).toBeDefined();
    expect(await pending()).toBe(baseline + 1);
    expect(
      sampleOf((await get()).body, 'erun_delivery_outbox_oldest_pending_seconds'),
    ).toBeGreaterThanOrEqual(90);
  });
});
