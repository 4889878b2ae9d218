import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Writable } from 'node:stream';
import pino from 'pino';
import pg from 'pg';
import { inject } from 'vitest';
import { StatfsDiskSpace } from '../adapters/statfs-disk-space.ts';
import { fileStorageOf, uploadsDirOf } from '../adapters/file-storage.ts';
import { FailoverRateLimiter } from '../adapters/failover-rate-limiter.ts';
import { MemoryRateLimiter } from '../adapters/memory-rate-limiter.ts';
import { connectRedis, watchOutages, whenReady } from '../adapters/redis-client.ts';
import { RedisRateLimiter } from '../adapters/redis-rate-limiter.ts';
import { subscriberOf } from '../adapters/redis-subscriber.ts';
import { type AppDeps, buildApp, type Services } from '../app.ts';
import type { Drain } from '../http/drain.ts';
import type { AppMetrics } from '../http/metrics.ts';
import { type Env, parseEnv } from '../config/env.ts';
import { type Database, openDatabase } from '../db/client.ts';
import type { Clock } from '../ports/clock.ts';
import type { MailSender } from '../ports/mail.ts';
import type { SmsSender } from '../ports/sms.ts';
import { MemoryMailSender } from './memory-mail-sender.ts';
import type { HostLookup } from '../adapters/push-endpoints.ts';
import { generateVapidKeys } from '../adapters/web-push-sender.ts';
import { testDatabaseUrl, testDbKind, testRedisUrl, withDatabase } from './test-env.ts';

export interface TestApp {
  app: FastifyInstance;
  prefix: string;
  services: Services;
  database: Database;
  env: Env;
  /** Every mail the app sent (unless `options.mail` or SMTP_URL in `options.env` replaced the transport). */
  mailbox: MemoryMailSender;
  /** The app's metrics when METRICS_TOKEN is set. */
  metrics: AppMetrics | undefined;
  /**
   * Tells the app (and, with Redis, the others of its deployment) that a test wrote behind its back, as a write
   * through the app would: what it keeps of guests' pages and of readers is forgotten (ADR 006, ADR 025).
   */
  wrote(): void;
  /** The app's Redis connections (commands, subscriber) when it has Redis. */
  redis: { pub: Redis; sub: Redis } | undefined;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Another app's database: a second "process" of the same deployment. */
  database?: Database;
  /** Redis key prefix (rate limits, socket.io channels); share it to make two apps one deployment. */
  prefix?: string;
  /** The SMS provider (default: SMS_PROVIDER from env, i.e. the log provider on a silent logger). */
  sms?: SmsSender;
  /** The mail transport (default: a MemoryMailSender, returned as `mailbox`; SMTP with SMTP_URL in `env`). */
  mail?: MailSender;
  /** Resolves push endpoints' host names (default: the system resolver). */
  pushLookup?: HostLookup;
  /** The app's secrets (default: random): share them to make two apps one deployment (tokens valid on both). */
  secrets?: { jwt: string; cookie: string; phone: string };
  /** Redis for this app (default TEST_REDIS_URL; null = none): fault tests point it at their own instance. */
  redisUrl?: string | null;
  /** Where the app's log (pino, level info) goes; default: no log. */
  logStream?: Writable;
  /** The app's request logger (default: none), e.g. `{ level: 'info', stream }` to read what it writes. */
  logger?: AppDeps['logger'];
  /** The app's drain (default: a fresh one), for tests that start it as a shutdown does. */
  drain?: Drain;
}

let counter = 0;

/** A fresh migrated database (PGlite or PostgreSQL per TEST_DB) and the real app on it. */
export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (testDbKind() === 'postgres') {
    const name = `erun_t_${inject('runId')}_${process.pid}_${++counter}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(`create database "${name}" template "${inject('pgTemplate')}"`);
    const database = await openDatabase({
      url: withDatabase(testDatabaseUrl(), name),
      dataDir: undefined,
      poolSize: 10,
    });
    const drop = async () => {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
    return { database, drop };
  }
  const dump = new Blob([await readFile(inject('pgliteDump'))]);
  const pglite = await PGlite.create('memory://', { loadDataDir: dump, extensions: { pg_trgm } });
  const database = await openDatabase({ url: undefined, dataDir: undefined, pglite });
  return { database, drop: async () => undefined };
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // Limits stay on (so their code runs) but high; tests of the limits themselves set their own.
  const generous = Object.fromEntries(
    [
      'LOGIN_IP',
      'LOGIN_ACCOUNT',
      'SIGNUP_IP',
      'SIGNUP_IP_DAY',
      'EMAIL_CHECK_IP',
      'REFRESH_IP',
      'REFRESH_ACCOUNT',
      'RESET_IP',
      'RESET_EMAIL',
      'RESET_PHONE',
      'API_IP',
      'COMMENT_USER',
      'CHAT_USER',
      'UPLOAD_USER',
      'SOCKET_EVENTS',
      'SOCKET_USER',
      'REPORT_USER',
      'PLACES_IP',
    ].map((n) => [`RATE_LIMIT_${n}`, '100000/1m']),
  );
  generous.UPLOAD_QUOTA_USER = '100000/24h';
  const env = parseEnv({ NODE_ENV: 'test', WEB_DIST_DIR: '/nonexistent', ...generous, ...options.env });
  const clock = options.clock ?? { now: () => new Date() };
  const { database, drop } = options.database
    ? { database: options.database, drop: async () => undefined }
    : await openTestDatabase();
  const ownsDatabase = !options.database;
  const uploadsDir = await mkdtemp(path.join(tmpdir(), 'erun-uploads-'));
  const redisUrl = options.redisUrl === undefined ? testRedisUrl() : (options.redisUrl ?? undefined);
  const log = options.logStream ? pino({ level: 'info' }, options.logStream) : pino({ level: 'silent' });
  // Wired as main.ts wires it (ADR 014): the same timeouts, the same fallback to an in-process limiter.
  const redis = redisUrl ? connectRedis(redisUrl, env.REDIS_COMMAND_TIMEOUT_MS) : undefined;
  const sub = redis ? subscriberOf(redis) : undefined;
  if (redis) {
    watchOutages(redis, 'commands', log);
    await whenReady(redis, 5000);
  }
  if (sub) watchOutages(sub, 'subscriber', log);
  const prefix = options.prefix ?? `erun-test:${inject('runId')}:${process.pid}:${++counter}:`;
  // STORAGE=s3 in `env` (with the S3_* variables) stores uploads in that bucket instead, as main.ts does.
  const storage = fileStorageOf(env, uploadsDir, log);
  const mailbox = new MemoryMailSender();
  const { app, services, metrics, wrote } = await buildApp({
    drain: options.drain,
    env,
    database,
    storage,
    uploadsDir: uploadsDirOf(storage),
    disk: new StatfsDiskSpace(uploadsDir, env.DISK_MIN_FREE_MB * 1024 * 1024),
    rateLimiter: redis
      ? new FailoverRateLimiter(new RedisRateLimiter(redis, prefix, clock), new MemoryRateLimiter(clock), {
          available: () => redis.status === 'ready',
          log,
        })
      : new MemoryRateLimiter(clock),
    logger: options.logger ?? (options.logStream ? { level: 'info', stream: options.logStream } : undefined),
    clock,
    redis: redis && sub ? { pub: redis, sub, key: `${prefix}socket.io` } : undefined,
    vapid: generateVapidKeys(),
    sms: options.sms,
    // With SMTP_URL in `env`, the app's own SMTP transport (tests of the real path, against test/smtp-sink.ts).
    mail: options.mail ?? (env.SMTP_URL ? undefined : mailbox),
    pushLookup: options.pushLookup,
    secrets: options.secrets ?? randomSecrets(),
  });
  await app.ready();
  return {
    app,
    wrote,
    prefix,
    services,
    database,
    env,
    metrics,
    mailbox,
    redis: redis && sub ? { pub: redis, sub } : undefined,
    close: async () => {
      await app.close();
      if (ownsDatabase) {
        await database.close();
        await drop();
      }
      if (redis) {
        const keys = await redis.keys(`${prefix}*`).catch(() => []);
        if (keys.length > 0) await redis.del(...keys).catch(() => undefined);
        redis.disconnect();
        sub?.disconnect();
      }
      await rm(uploadsDir, { recursive: true, force: true });
    },
  };
}

/**
 * Two apps of one deployment, as two processes behind a balancer: one database, one Redis key prefix, the same
 * secrets (a token from one is valid on the other). Close `b` before `a`, which owns the database.
 */
export async function createTwoProcesses(): Promise<{ a: TestApp; b: TestApp }> {
  const secrets = randomSecrets();
  const a = await createTestApp({ secrets });
  const b = await createTestApp({ secrets, database: a.database, prefix: a.prefix });
  return { a, b };
}

function randomSecrets() {
  return {
    jwt: randomBytes(32).toString('hex'),
    cookie: randomBytes(32).toString('hex'),
    phone: randomBytes(32).toString('hex'),
  };
}
