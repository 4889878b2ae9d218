import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/client.ts';
import { rawRows } from '../db/raw.ts';

/** A recurring maintenance job; handlers are idempotent, so a retried or duplicated run does no harm. */
export interface ScheduledJob {
  name: string;
  /** Cron in Asia/Seoul. */
  cron: string;
  run: () => Promise<number>;
}

/** pg-boss on the app's own database: PostgreSQL through its own pool, PGlite through the shared connection. */
export async function startJobs(database: Database, jobs: ScheduledJob[], log: Logger): Promise<PgBoss> {
  const boss = database.connectionString
    ? new PgBoss({ connectionString: database.connectionString, max: 4 })
    : new PgBoss({ db: { executeSql: database.executeSql } });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const job of jobs) {
    await retryOnStartupRace(() => boss.createQueue(job.name));
    await retryOnStartupRace(() => boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Seoul' }));
    await boss.work(job.name, async () => {
      const count = await job.run();
      log.info({ job: job.name, count }, 'job done');
    });
  }
  return boss;
}

/**
 * Two workers starting together on a fresh database both create pg-boss's queue tables: PostgreSQL may
 * pick one as a deadlock victim (40P01) or refuse its duplicate row (23505). Creating a queue and its schedule
 * is idempotent, so the loser just tries again.
 */
async function retryOnStartupRace<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if ((code !== '40P01' && code !== '23505') || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}

/**
 * Jobs due and not started (`/metrics`): created or retry, which pg-boss orders before active (its partial index
 * says `state < 'active'`). Undefined while pg-boss has never run against this database (no worker yet).
 */
export async function queuedJobs(db: Db): Promise<number | undefined> {
  const [boss] = await rawRows<{ present: boolean }>(
    db,
    sql`select to_regclass('pgboss.job') is not null as present`,
  );
  if (!boss?.present) return undefined;
  const [jobs] = await rawRows<{ queued: number }>(
    db,
    sql`select count(*)::int as queued from pgboss.job where state < 'active' and start_after <= now()`,
  );
  return Number(jobs?.queued ?? 0);
}
