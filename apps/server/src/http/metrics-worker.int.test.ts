import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../test/faults.ts';
import { freePort, startServer, type ServerProcess } from '../test/processes.ts';
import { sampleOf } from '../test/prometheus.ts';

const TOKEN = 'worker-scrape-token-0123456789';

/** The worker has no HTTP listener of its own: with METRICS_PORT it serves `/metrics`, and only that, there. */
describe('the worker process with METRICS_PORT', { timeout: 120_000 }, () => {
  let worker: ServerProcess;
  let dir = '';
  let url = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'erun-metrics-worker-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    worker = await startServer('worker', 'worker', {
      NODE_ENV: 'test',
      DATA_DIR: dir,
      DATABASE_URL: '',
      REDIS_URL: '',
      DEMO_DATA: 'off',
      LOG_LEVEL: 'info',
      METRICS_TOKEN: TOKEN,
      METRICS_PORT: String(port),
    });
    await until(
      'the worker to serve its metrics',
      () => worker.exited() || worker.output().includes('worker metrics at /metrics'),
      60_000,
    );
    expect(worker.exited(), worker.output()).toBe(false);
  }, 120_000);

  afterAll(async () => {
    await worker?.stop(10_000);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const get = (pathname: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${pathname}`, { headers, signal: AbortSignal.timeout(5000) });

  it('answers a scrape with the token, 401 without it, and nothing but /metrics', async () => {
    const scrape = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await scrape.text();
    expect(sampleOf(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(sampleOf(text, 'erun_delivery_outbox_pending')).toBe(0);
    expect(sampleOf(text, 'erun_database_up')).toBe(1);
    // The worker has created pg-boss's queue: its depth is read.
    expect(sampleOf(text, 'erun_jobs_queued')).toBeGreaterThanOrEqual(0);

    const refused = await get('/metrics', { authorization: 'Bearer wrong-token-0123456789' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect((await get('/metrics')).status).toBe(401);

    const api = await get('/api/health', { authorization: `Bearer ${TOKEN}` });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('stops cleanly with its metrics listener', async () => {
    await worker.stop(10_000);
    expect(await worker.exit).toBe(0);
  });
});
