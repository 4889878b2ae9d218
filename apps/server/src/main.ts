import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type PgBoss from 'pg-boss';
import { LocalFileStorage } from './adapters/local-storage.ts';
import { FailoverRateLimiter } from './adapters/failover-rate-limiter.ts';
import { MemoryRateLimiter } from './adapters/memory-rate-limiter.ts';
import { connectRedis, watchOutages, whenReady } from './adapters/redis-client.ts';
import { RedisRateLimiter } from './adapters/redis-rate-limiter.ts';
import { subscriberOf } from './adapters/redis-subscriber.ts';
import { buildApp, publicUrlOf } from './app.ts';
import { loadEnv } from './config/env.ts';
import { openDatabase } from './db/client.ts';
import { startJobs } from './jobs/jobs.ts';
import { FileClock } from './adapters/file-clock.ts';
import { type Clock, systemClock } from './ports/clock.ts';
import { getOrCreateGenerated, getOrCreateSecret } from './modules/secrets/secrets.repository.ts';
import { generateVapidKeys, type VapidKeys } from './adapters/web-push-sender.ts';
import { seedDemoData } from './seed/demo.ts';

type Role = 'all' | 'api' | 'worker';
const role = (process.argv.find((a) => a.startsWith('--role='))?.split('=')[1] ?? 'all') as Role;

const env = loadEnv();
const log = pino({ level: env.LOG_LEVEL });
// A promise nobody handled is a bug to log, not a reason to drop every request in flight: keep serving. An
// exception thrown out of a callback leaves the process in an unknown state: log it and exit (Node's advice),
// the supervisor starts a fresh one. ADR 014.
process.on('unhandledRejection', (reason) =>
  log.error({ err: reason }, 'unhandled promise rejection (kept serving)'),
);
process.on('uncaughtException', (error, origin) => {
  log.fatal({ err: error, origin }, 'uncaught exception: exiting');
  process.exit(1);
});
const clock: Clock = env.TEST_CLOCK_FILE ? new FileClock(env.TEST_CLOCK_FILE) : systemClock;
if (env.TEST_CLOCK_FILE)
  log.warn({ file: env.TEST_CLOCK_FILE }, 'TEST_CLOCK_FILE: the clock can be moved (tests only)');
const database = await openDatabase({
  url: env.DATABASE_URL,
  dataDir: path.join(env.DATA_DIR, 'db'),
  connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
  statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
  onConnectionError: poolErrorLog(),
});
await database.migrate();
log.info({ database: database.kind, role }, 'database ready');

// Redis is an accelerator, never a single point of failure (ADR 014): commands time out, the app carries on
// without it, and ioredis reconnects (and resubscribes) for ever; each outage is logged once per connection.
const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL, env.REDIS_COMMAND_TIMEOUT_MS) : undefined;
const redisSub = redis ? subscriberOf(redis) : undefined;
if (redis) watchOutages(redis, 'commands', log);
if (redisSub) watchOutages(redisSub, 'subscriber', log);
if (redis && !(await whenReady(redis, 3000)))
  log.warn('Redis did not answer within 3 s: starting without it; it is used as soon as it connects');
const uploadsDir = path.join(env.DATA_DIR, 'uploads');
mkdirSync(uploadsDir, { recursive: true });
if (env.RATE_LIMITS === 'off') log.warn('RATE_LIMITS=off: no request is rate-limited (load tests only)');

const { app, services } = await buildApp({
  env,
  database,
  storage: new LocalFileStorage(uploadsDir),
  uploadsDir,
  rateLimiter: redis
    ? new FailoverRateLimiter(
        new RedisRateLimiter(redis, env.REDIS_KEY_PREFIX, clock),
        new MemoryRateLimiter(clock),
        { available: () => redis.status === 'ready', log },
      )
    : new MemoryRateLimiter(clock),
  clock,
  secrets: {
    jwt: await getOrCreateSecret(database.db, 'JWT_SECRET', env.JWT_SECRET),
    cookie: await getOrCreateSecret(database.db, 'COOKIE_SECRET', undefined),
    phone: await getOrCreateSecret(database.db, 'PHONE_ENCRYPTION_KEY', env.PHONE_ENCRYPTION_KEY),
  },
  vapid: await vapidKeys(),
  logger: { level: env.LOG_LEVEL },
  redis:
    redis && redisSub ? { pub: redis, sub: redisSub, key: `${env.REDIS_KEY_PREFIX}socket.io` } : undefined,
});

/**
 * Idle pooled connections failing (a restart or outage of PostgreSQL fails all of them at once): one line, then at
 * most one a minute with how many failed meanwhile; the requests' side is logged by the error handler.
 */
function poolErrorLog(): (error: Error) => void {
  let last = 0;
  let since = 0;
  return (error) => {
    since += 1;
    if (Date.now() - last < 60_000) return;
    log.warn({ err: error, connections: since }, 'database connection lost; the pool reconnects');
    last = Date.now();
    since = 0;
  };
}

/** From the environment, else one pair generated on first start and shared by every instance (ADR 010). */
async function vapidKeys(): Promise<VapidKeys> {
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY)
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY };
  const stored = await getOrCreateGenerated(database.db, 'VAPID_KEYS', () =>
    JSON.stringify(generateVapidKeys()),
  );
  return JSON.parse(stored) as VapidKeys;
}

const demo = env.DEMO_DATA === 'on' || (env.DEMO_DATA === 'auto' && database.kind === 'pglite');
if (demo && role !== 'worker') await seedDemoData(services, log, env.DEMO_PASSWORD);

let boss: PgBoss | undefined;
if (role !== 'api') {
  boss = await startJobs(
    database,
    [
      {
        name: 'auth.purge-expired-tokens',
        cron: '17 4 * * *',
        run: () => services.auth.purgeExpiredTokens(),
      },
      {
        name: 'uploads.purge-unreferenced',
        cron: '37 4 * * *',
        run: () => services.uploads.purgeUnreferenced(clock.now()),
      },
    ],
    log,
  );
}

// Reminders and deliveries: every worker sweeps on an interval; the reminders_sent table makes each one go out once, however
// many workers run and whenever they restart (ADR 009).
let sweeping: Promise<unknown> | undefined;
const reminderTimer =
  role === 'api'
    ? undefined
    : setInterval(() => {
        // Push and SMS deliveries also start right after each notification; this pass picks up the rest
        // (notifications announced by API-only processes, deliveries of a process that died). ADR 010.
        services.deliveries.kick();
        if (sweeping) return;
        sweeping = services.reminders
          .sweep()
          .then((count) => {
            if (count > 0) log.info({ count }, 'reminders sent');
          })
          .catch((error: unknown) => log.error({ err: error }, 'reminder sweep failed'))
          .finally(() => {
            sweeping = undefined;
          });
      }, env.REMINDER_SWEEP_SECONDS * 1000);
if (role !== 'worker') {
  await app.listen({ port: env.PORT, host: env.HOST });
  log.info(`이RUN 저RUN is running at ${publicUrlOf(env)}`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
  const timer = setTimeout(() => process.exit(1), 15_000).unref();
  clearInterval(reminderTimer);
  await app.close();
  await sweeping;
  await boss?.stop({ graceful: true, timeout: 10_000, wait: true });
  redis?.disconnect();
  redisSub?.disconnect();
  await database.close();
  clearTimeout(timer);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
