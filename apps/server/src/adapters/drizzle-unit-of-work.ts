import type { Db } from '../db/client.ts';
import { DrizzleTx } from '../db/transaction.ts';
import type { Tx, UnitOfWork } from '../ports/unit-of-work.ts';

/**
 * Units of work as Drizzle transactions, on PGlite and node-postgres alike: BEGIN … COMMIT on one
 * connection (node-postgres checks one out of the pool; PGlite runs one transaction at a time), READ
 * COMMITTED, no retry — as the repositories' own transactions were before (ADR 015). The hooks run after
 * COMMIT has returned, never after a rollback.
 */
export class DrizzleUnitOfWork implements UnitOfWork {
  constructor(private readonly db: Db) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let open: DrizzleTx | undefined;
    const result = await this.db.transaction(async (dbTx) => {
      open = new DrizzleTx(dbTx);
      return work(open);
    });
    for (const hook of open?.hooks ?? []) hook();
    return result;
  }
}
