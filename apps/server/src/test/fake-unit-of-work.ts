import type { NewNotification } from '../modules/notifications/notifications.service.ts';
import type { Tx, UnitOfWork } from '../ports/unit-of-work.ts';

/**
 * A unit of work for service unit tests (no database): it counts commits and rollbacks and runs the
 * after-commit hooks only on commit, as the Drizzle adapter does. Fake repositories hold their state in
 * memory; a test that expects a rollback checks that nothing was announced and nothing was written before
 * the refusal.
 */
export class FakeUnitOfWork implements UnitOfWork {
  commits = 0;
  rollbacks = 0;

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const hooks: (() => void)[] = [];
    const tx: Tx = { afterCommit: (hook) => void hooks.push(hook) };
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      this.rollbacks += 1;
      throw error;
    }
    this.commits += 1;
    for (const hook of hooks) hook();
    return result;
  }
}

/** A fake standing in for a repository class or port: the methods a test needs (another one called throws). */
export function fakeOf<T>(fake: Partial<T>): T {
  return fake as T;
}

/** What services told the notifications module, and when it was announced (after commit only). */
export class FakeNotifications {
  stored: NewNotification[] = [];
  announced: NewNotification[] = [];

  async notify(tx: Tx, rows: NewNotification[]): Promise<never[]> {
    this.stored.push(...rows);
    tx.afterCommit(() => void this.announced.push(...rows));
    return [];
  }

  /** Takes back stored rows of a category about a run. */
  async withdraw(_tx: Tx, userIds: string[], runId: string, category: string): Promise<void> {
    this.stored = this.stored.filter(
      (n) => !(userIds.includes(n.userId) && n.runId === runId && n.category === category),
    );
  }
}
