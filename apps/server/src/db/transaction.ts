import type { Tx } from '../ports/unit-of-work.ts';
import type { Db } from './client.ts';

/** Drizzle's transaction handle, the same type on PGlite and node-postgres. */
export type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The `Tx` the Drizzle unit of work opens: the Drizzle transaction and the hooks waiting for its commit. */
export class DrizzleTx implements Tx {
  readonly hooks: (() => void)[] = [];
  constructor(readonly db: DbTx) {}

  afterCommit(hook: () => void): void {
    this.hooks.push(hook);
  }
}

/** For repositories: the Drizzle transaction behind a service's `tx`. */
export function sqlOf(tx: Tx): DbTx {
  if (tx instanceof DrizzleTx) return tx.db;
  throw new Error('not a database transaction (a unit of work from another adapter?)');
}
