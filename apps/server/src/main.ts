import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type PgBoss from 'pg-boss';
import { fileStorageOf, uploadsDirOf } from './adapters/file-storage.ts';
import { FailoverRateLimiter } from './adapters/failover-rate-limiter.ts';
import { MemoryRateLimiter } from './adapters/memory-rate-limiter.ts';
import { connectRedis, watchOutages, whenReady } from './adapters/redis-client.ts';
import { RedisRateLimiter } from './adapters/redis-rate-limiter.ts';
import { subscriberOf } from './adapters/redis-subscriber.ts';
import { buildApp, publicUrlOf } from './app.ts';
import { loadEnv } from './config/env.ts';
import { openDatabase } from './db/client.ts';
import { DataDirLockedError, lockDataDir } from './db/data-dir-lock.ts';
import { Drain } from './http/drain.ts';
import { StatfsDiskSpace } from './adapters/statfs-disk-space.ts';
import { smtpTarget } from './adapters/smtp-mail-sender.ts';
import { serveMetricsOnly } from './http/metrics-listener.ts';
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
// A full disk: say so plainly instead of PGlite's `ErrnoError … errno: 51` (embedded: the database is there).
// Checked first: not even the lock file can be written then.
mkdirSync(env.DATA_DIR, { recursive: true });
const disk = new StatfsDiskSpace(env.DATA_DIR, env.DISK_MIN_FREE_MB * 1024 * 1024);
if (await disk.low()) {
  const freeMb = Math.floor((await disk.freeBytes()) / 1024 / 1024);
  const message = `DATA_DIR ${env.DATA_DIR} has ${freeMb} MB free, below DISK_MIN_FREE_MB=${env.DISK_MIN_FREE_MB}: free some space (docs/operations.md)`;
  if (!env.DATABASE_URL) {
    log.fatal({ dataDir: env.DATA_DIR, freeMb }, message);
    process.exit(1);
  }
  log.error(
    { dataDir: env.DATA_DIR, freeMb },
    env.STORAGE === 'local' ? `${message}; uploads are refused (507) until then` : message,
  );
}
// Embedded mode: one process per data folder (two would destroy the PGlite database). PostgreSQL has its own.
if (!env.DATABASE_URL) {
  try {
    const lock = lockDataDir(env.DATA_DIR, 'server');
    if (lock.tookOver)
      log.warn(
        { dataDir: env.DATA_DIR, stale: lock.tookOver },
        `DATA_DIR ${env.DATA_DIR}: took over the lock of process ${lock.tookOver.pid}, which is gone (crash or reboot)`,
      );
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    log.fatal({ dataDir: error.dataDir, owner: error.owner }, error.message);
    process.exit(1);
  }
}
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
const storage = fileStorageOf(env, path.join(env.DATA_DIR, 'uploads'), log);
if (env.STORAGE === 's3')
  log.info(
    { bucket: env.S3_BUCKET, endpoint: env.S3_ENDPOINT ?? 'AWS S3' },
    'uploads go to object storage (S3)',
  );
if (env.SMTP_URL)
  log.info({ smtp: smtpTarget(env.SMTP_URL), from: env.MAIL_FROM }, 'mail goes out through SMTP');
else
  log[env.NODE_ENV === 'production' ? 'warn' : 'info'](
    'SMTP_URL is not set: mail is written to this log ("mail (log transport)"), not sent',
  );
if (env.RATE_LIMITS === 'off') log.warn('RATE_LIMITS=off: no request is rate-limited (load tests only)');

const drain = new Drain();
const { app, services } = await buildApp({
  env,
  drain,
  disk,
  database,
  storage,
  uploadsDir: uploadsDirOf(storage),
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
        // Sent and given-up mail after 30 days (its content is gone already; the row says when and to whom).
        name: 'mail.purge-finished',
        cron: '27 4 * * *',
        run: () => services.mail.purgeFinished(),
      },
      {
        // Crews sort by activity: runs held in the last 30 days, recounted every hour.
        name: 'crews.activity',
        cron: '7 * * * *',
        run: () => services.crews.refreshActivity(),
      },
      {
        // 정기런: occurrences for the next 28 days; idempotent across workers ((series, date) is unique).
        name: 'series.open-window',
        cron: '17 * * * *',
        run: () => services.series.openWindow(),
      },
      {
        // Attendance disputes open for 72 h go to the moderators; one UPDATE over open ones: safe twice at once.
        name: 'disputes.escalate',
        cron: '27 * * * *',
        run: () => services.disputes.escalate(),
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
        services.mail.kick();
        if (sweeping) return;
        sweeping = Promise.all([
          services.reminders
            .sweep()
            .then((count) => {
              if (count > 0) log.info({ count }, 'reminders sent');
            })
            .catch((error: unknown) => log.error({ err: error }, 'reminder sweep failed')),
          // Seat offers past their window lapse and pass to the next runner (issue 17): idempotent, each run
          // under its row lock, so any number of workers may sweep at once.
          services.participation
            .lapseSeatOffers()
            .then((count) => {
              if (count > 0) log.info({ count }, 'seat offers lapsed');
            })
            .catch((error: unknown) => log.error({ err: error }, 'seat offer sweep failed')),
        ]).finally(() => {
          sweeping = undefined;
        });
      }, env.REMINDER_SWEEP_SECONDS * 1000);
// Weather warnings on run cards come from this process's forecast cache (a list never calls out): every API
// process keeps the cells of the next 48 h's runs warm itself (ADR 021). A failed pass is logged; the next tries again.
let warming: Promise<unknown> | undefined;
const warmWeather = () => {
  if (warming) return;
  warming = services.runs
    .upcomingPlaceTimes(48, 1000)
    .then((runs) => services.weather.warm(runs, env.WEATHER_WARM_MAX_CELLS))
    .then((cells) => {
      if (cells > 0) log.debug({ cells }, 'weather forecasts warmed');
    })
    .catch((error: unknown) => log.warn({ err: error }, 'weather warming failed; trying again next time'))
    .finally(() => {
      warming = undefined;
    });
};
const weatherTimer =
  role !== 'worker' && services.weather.enabled && env.WEATHER_WARM_MINUTES > 0
    ? setInterval(warmWeather, env.WEATHER_WARM_MINUTES * 60_000)
    : undefined;
// The first pass soon after the start, off the start's own path.
if (weatherTimer) setTimeout(warmWeather, 5_000).unref();

if (role !== 'worker') {
  await app.listen({ port: env.PORT, host: env.HOST });
  log.info(`이RUN 저RUN is running at ${publicUrlOf(env)}`);
}
// The worker has no HTTP listener: with METRICS_PORT it serves GET /metrics alone there (docs/operations.md).
const metricsServer =
  role === 'worker' && env.METRICS_PORT !== undefined
    ? await serveMetricsOnly(app, env.METRICS_PORT, env.HOST)
    : undefined;
if (metricsServer) log.info({ port: env.METRICS_PORT }, 'worker metrics at /metrics');

let stopping = false;
/**
 * Graceful shutdown (issue 13, docs/operations.md): `/api/ready` answers 503 at once while the process keeps
 * serving for SHUTDOWN_DRAIN_SECONDS (the balancer moves away); then it disconnects sockets (clients reconnect
 * elsewhere), stops accepting, answers with `Connection: close` and waits up to SHUTDOWN_DRAIN_SECONDS more (8 s
 * at most) for the connections to end by themselves (an idle one is never closed under nginx's feet), finishes
 * every accepted request, the jobs and the sweep, closes Redis and the database and exits 0.
 * SHUTDOWN_TIMEOUT_SECONDS is the last resort.
 */
async function shutdown(reason: string) {
  if (stopping) return;
  stopping = true;
  const forced = setTimeout(() => {
    log.error({ reason }, `shutdown still running after ${env.SHUTDOWN_TIMEOUT_SECONDS} s: forced exit`);
    process.exit(1);
  }, env.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref();
  const drainSeconds = role === 'worker' ? 0 : env.SHUTDOWN_DRAIN_SECONDS;
  // After the drain, close() gives the open connections as long again to end by themselves (src/http/drain.ts),
  // at most 8 s: fastify gives a close hook 10 s (pluginTimeout).
  drain.start(Math.min(drainSeconds, 8) * 1000);
  clearInterval(reminderTimer);
  clearInterval(weatherTimer);
  clearInterval(parentWatch);
  log.info({ reason, drainSeconds }, 'shutting down: /api/ready answers 503, still serving during the drain');
  if (drainSeconds > 0) await new Promise((resolve) => setTimeout(resolve, drainSeconds * 1000));
  log.info('drain over: no new connections; finishing in-flight requests and jobs');
  metricsServer?.close();
  metricsServer?.closeAllConnections();
  await app.close();
  await sweeping;
  await warming;
  await boss?.stop({ graceful: true, timeout: 10_000, wait: true });
  redis?.disconnect();
  redisSub?.disconnect();
  await database.close();
  clearTimeout(forced);
  log.info({ reason }, 'shut down cleanly');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

// Started by a launcher (npm, a test): if it dies without passing a signal on (kill -9), stop too rather than
// stay an orphan holding the port. Under systemd or as a container's PID 1 the parent is init: nothing to watch.
const parentPid = process.ppid;
const parentWatch = setInterval(() => {
  if (parentPid > 1 && process.ppid !== parentPid) void shutdown('parent process exited');
}, 1000).unref();
