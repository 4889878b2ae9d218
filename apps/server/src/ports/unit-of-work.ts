/**
 * An open transaction as services see it: opaque, handed on to repository methods, which run their
 * statements in it. What must happen only once the work is committed (live events, waking the deliveries
 * outbox) is registered with `afterCommit`; after a rollback it never runs.
 */
export interface Tx {
  afterCommit(hook: () => void): void;
}

/**
 * Opens transactions for services (ADR 015): `uow.run(async (tx) => …)` commits when the work resolves and
 * rolls back when it throws, then runs the `afterCommit` hooks in the order they were registered. Isolation
 * is the database's default (READ COMMITTED); invariants rest on row locks (`SELECT … FOR UPDATE`) and
 * constraints taken inside the work, so nothing is retried. Units of work do not nest: a method that takes
 * a `tx` joins the caller's.
 */
export interface UnitOfWork {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}
