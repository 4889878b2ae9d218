import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';

export interface JobHandlers {
  purgeExpiredTokens: () => Promise<number>;
}

const PURGE_TOKENS = 'auth.purge-expired-tokens';

/**
 * pg-boss on the app's own database: PostgreSQL through its own pool, PGlite through the shared connection.
 * Handlers are idempotent, so a retried or duplicated job does no harm.
 */
export async function startJobs(database: Database, handlers: JobHandlers, log: Logger): Promise<PgBoss> {
  const boss = database.connectionString
    ? new PgBoss({ connectionString: database.connectionString, max: 4 })
    : new PgBoss({ db: { executeSql: database.executeSql } });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(PURGE_TOKENS);
  await boss.schedule(PURGE_TOKENS, '17 4 * * *', {}, { tz: 'Asia/Seoul' });
  await boss.work(PURGE_TOKENS, async () => {
    const purged = await handlers.purgeExpiredTokens();
    log.info({ purged }, 'purged expired refresh tokens');
  });
  return boss;
}
