import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';

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
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Seoul' });
    await boss.work(job.name, async () => {
      const count = await job.run();
      log.info({ job: job.name, count }, 'job done');
    });
  }
  return boss;
}
