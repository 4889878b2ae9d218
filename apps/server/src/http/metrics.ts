import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.ts';
import { AppError, NotFoundError } from '../lib/errors.ts';
import { type Backlog, DatabaseSampler } from './database-sampler.ts';

/** The route label of a request no route matched (404s, the web app's pages): one value, whatever the URL. */
export const UNMATCHED_ROUTE = 'unmatched';
/** What the gauges read at scrape time; none of it may wait on Redis or the database beyond SAMPLE_TIMEOUT_MS. */
export interface MetricsSources {
  database: Database;
  /** The error handler's outage tracker: true while requests needing the database answer 503. */
  databaseOutage: () => boolean;
  /** The Redis connections (commands, subscriber); absent = one process without Redis. */
  redis: { pub: Redis; sub: Redis } | undefined;
  /** True while the rate limiter counts per process because Redis does not answer (ADR 014). */
  limiterFallback: () => boolean;
  /** Sockets connected to this process. */
  sockets: () => number;
  /** Reads of what this process keeps of readers (ADR 025): answered from it, or from the database. */
  readerCache?: () => { hits: number; misses: number };
  /** What waits in the database (outbox, job queue): read at scrape time through a `DatabaseSampler`. */
  backlog: () => Promise<Backlog>;
}

/**
 * One app instance's metrics, in a registry of its own (tests build many apps in one process; prom-client's
 * global registry would refuse the second one's metric names).
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly requests: Counter<'method' | 'route' | 'status_code'>;
  readonly sampler: DatabaseSampler;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    // Process figures (CPU, memory, handles, GC) and the event loop's delay (monitorEventLoopDelay):
    // nodejs_eventloop_lag_seconds, nodejs_eventloop_lag_p99_seconds…
    collectDefaultMetrics({ register: this.registry });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from the request to its response, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'Requests answered, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      registers,
    });
    this.sampler = new DatabaseSampler(sources.backlog);
    const sampler = this.sampler;
    const { database, redis } = sources;

    new Gauge({
      name: 'erun_database_up',
      help: '1 while the database answers; 0 during an outage (requests needing it answer 503)',
      registers,
      async collect() {
        const sample = await sampler.get();
        this.set(sources.databaseOutage() || !sample.reachable ? 0 : 1);
      },
    });
    new Gauge({
      name: 'erun_database_info',
      help: 'The database this process uses (kind: postgres, or pglite embedded)',
      labelNames: ['kind'],
      registers,
      collect() {
        this.set({ kind: database.kind }, 1);
      },
    });
    if (database.kind === 'postgres') {
      new Gauge({
        name: 'erun_database_pool_connections',
        help: 'PostgreSQL pool: open connections (total), idle ones, and queries waiting for one',
        labelNames: ['state'],
        registers,
        collect() {
          const pool = database.poolStats();
          if (!pool) return;
          this.set({ state: 'total' }, pool.total);
          this.set({ state: 'idle' }, pool.idle);
          this.set({ state: 'waiting' }, pool.waiting);
        },
      });
      new Gauge({
        name: 'erun_database_pool_max',
        help: 'PostgreSQL pool: the most connections it opens',
        registers,
        collect() {
          this.set(database.poolStats()?.max ?? 0);
        },
      });
    }
    if (redis) {
      new Gauge({
        name: 'erun_redis_up',
        help: "1 while this process's Redis connection is ready, by connection (commands, subscriber)",
        labelNames: ['connection'],
        registers,
        collect() {
          this.set({ connection: 'commands' }, redis.pub.status === 'ready' ? 1 : 0);
          this.set({ connection: 'subscriber' }, redis.sub.status === 'ready' ? 1 : 0);
        },
      });
    }
    new Gauge({
      name: 'erun_rate_limiter_mode',
      help:
        'Where rate limits are counted: redis (shared), fallback (per process: Redis configured but away, ' +
        'ADR 014) or memory (per process: no Redis configured); 1 for the current mode',
      labelNames: ['mode'],
      registers,
      collect() {
        const fallback = redis !== undefined && (redis.pub.status !== 'ready' || sources.limiterFallback());
        const mode = redis === undefined ? 'memory' : fallback ? 'fallback' : 'redis';
        for (const m of ['redis', 'fallback', 'memory']) this.set({ mode: m }, m === mode ? 1 : 0);
      },
    });
    new Counter({
      name: 'erun_reader_cache_reads_total',
      help: 'Reads of a signed-in reader’s own data (state on runs, runs only they see): kept (hit) or read (miss)',
      labelNames: ['result'],
      registers,
      collect() {
        const counts = sources.readerCache?.() ?? { hits: 0, misses: 0 };
        this.reset();
        this.inc({ result: 'hit' }, counts.hits);
        this.inc({ result: 'miss' }, counts.misses);
      },
    });
    new Gauge({
      name: 'erun_socketio_connected_sockets',
      help: 'socket.io sockets connected to this process',
      registers,
      collect() {
        this.set(sources.sockets());
      },
    });
    new Gauge({
      name: 'erun_delivery_outbox_pending',
      help: 'Push and SMS deliveries not sent yet (read at most every 5 s; absent when the database did not answer)',
      registers,
      async collect() {
        this.reset();
        const { pendingDeliveries } = await sampler.get();
        if (pendingDeliveries !== undefined) this.set(pendingDeliveries);
      },
    });
    new Gauge({
      name: 'erun_delivery_outbox_oldest_pending_seconds',
      help: 'Age of the oldest delivery not sent yet (0 when none is pending)',
      registers,
      async collect() {
        this.reset();
        const { oldestPendingSeconds } = await sampler.get();
        if (oldestPendingSeconds !== undefined) this.set(oldestPendingSeconds);
      },
    });
    new Gauge({
      name: 'erun_mail_outbox_pending',
      help: 'Mail not sent yet: waiting, being sent or retrying after a failure (absent when the database did not answer)',
      registers,
      async collect() {
        this.reset();
        const { pendingMails } = await sampler.get();
        if (pendingMails !== undefined) this.set(pendingMails);
      },
    });
    new Gauge({
      name: 'erun_mail_outbox_oldest_pending_seconds',
      help: 'Age of the oldest mail not sent yet (0 when none is pending): high while the mail server fails',
      registers,
      async collect() {
        this.reset();
        const { oldestPendingMailSeconds } = await sampler.get();
        if (oldestPendingMailSeconds !== undefined) this.set(oldestPendingMailSeconds);
      },
    });
    new Gauge({
      name: 'erun_jobs_queued',
      help: 'Maintenance jobs due and not started (pg-boss); absent before a worker first ran',
      registers,
      async collect() {
        this.reset();
        const { queuedJobs } = await sampler.get();
        if (queuedJobs !== undefined) this.set(queuedJobs);
      },
    });
  }

  observe(request: FastifyRequest, reply: FastifyReply): void {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? UNMATCHED_ROUTE,
      status_code: String(reply.statusCode),
    };
    this.duration.observe(labels, reply.elapsedTime / 1000);
    this.requests.inc(labels);
  }
}

/** Whether `header` is `Bearer <token>` (as Prometheus sends it), compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  const digest = (value: string) => createHash('sha256').update(value).digest();
  // Digests of equal length whatever was sent: the comparison takes the same time for any wrong token.
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}

/**
 * `GET /metrics` (Prometheus text format), outside the API scope: not rate-limited, not in the API's document.
 * With `token` unset nothing is collected and `/metrics` answers 404 as an unknown route does; with it, a scrape
 * must carry `Authorization: Bearer <token>`, else 401. Call before the routes are registered: the hook that
 * times requests must apply to all of them (the sources are read at scrape time only).
 */
export function registerMetrics(
  app: FastifyInstance,
  token: string | undefined,
  sources: MetricsSources,
): AppMetrics | undefined {
  if (token === undefined) {
    app.get('/metrics', { schema: { hide: true } }, (request) => {
      throw new NotFoundError('ROUTE_NOT_FOUND', `No route for ${request.method} /metrics`);
    });
    return undefined;
  }
  const metrics = new AppMetrics(sources);
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observe(request, reply);
    done();
  });
  app.addHook('onClose', (_app, done) => {
    metrics.registry.clear();
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, token))
      throw new AppError(
        401,
        'UNAUTHENTICATED',
        'Metrics need Authorization: Bearer <METRICS_TOKEN>',
        undefined,
        {
          'www-authenticate': 'Bearer realm="metrics"',
        },
      );
    return reply
      .header('cache-control', 'no-store')
      .type(metrics.registry.contentType)
      .send(await metrics.registry.metrics());
  });
  return metrics;
}
