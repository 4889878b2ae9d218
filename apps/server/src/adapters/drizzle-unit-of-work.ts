import type { Db } from '../db/client.ts';
import { DrizzleTx } from '../db/transaction.ts';
import type { Tx, UnitOfWork } from '../ports/unit-of-work.ts';

/**
 * PostgreSQL's "try again" answers: 40P01 the deadlock detector chose this transaction as its victim, 40001 a
 * serialization failure. Either way the whole transaction was rolled back and nothing of it remains.
 */
const RETRYABLE = new Set(['40P01', '40001']);
/** One first attempt and two more: a deadlock between two requests does not survive three. */
const ATTEMPTS = 3;

function retryable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  // Drizzle's "Failed query" keeps the driver's error as `cause`.
  return (typeof code === 'string' && RETRYABLE.has(code)) || retryable(cause, depth + 1);
}

/**
 * Units of work as Drizzle transactions, on PGlite and node-postgres alike: BEGIN … COMMIT on one
 * connection (node-postgres checks one out of the pool; PGlite runs one transaction at a time), READ
 * COMMITTED. The hooks run after COMMIT has returned, never after a rollback. A transaction PostgreSQL rolled
 * back as a deadlock victim or a serialization failure is run again from the start (ADR 015, amended): `work`
 * must keep its effects to the database and the hooks, which a failed attempt leaves none of.
 */
export class DrizzleUnitOfWork implements UnitOfWork {
  constructor(
    private readonly db: Db,
    /** Before another attempt: a short random pause, so the two sides of a deadlock do not meet again. */
    private readonly pause: (attempt: number) => Promise<void> = (attempt) =>
      new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt)),
    /** After every commit, before the unit's own hooks: data other readers keep may have changed (ADR 025). */
    private readonly committed: () => void = () => undefined,
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      let open: DrizzleTx | undefined;
      let result: T;
      try {
        result = await this.db.transaction(async (dbTx) => {
          open = new DrizzleTx(dbTx);
          return work(open);
        });
      } catch (error) {
        if (attempt >= ATTEMPTS || !retryable(error)) throw error;
        await this.pause(attempt);
        continue;
      }
      this.committed();
      for (const hook of open?.hooks ?? []) hook();
      return result;
    }
  }
}
