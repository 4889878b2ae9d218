import { and, asc, desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { userConsents } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export interface ConsentRow {
  document: string;
  version: string;
  granted: boolean;
  createdAt: Date;
}

/** The only writer of `user_consents`: rows are appended, never updated (the history is the record). */
export class ConsentsRepository {
  constructor(private readonly db: Db) {}

  async append(
    tx: Tx,
    userId: string,
    rows: { document: string; version: string; granted: boolean }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await sqlOf(tx)
      .insert(userConsents)
      .values(rows.map((r) => ({ ...r, userId })));
  }

  /** The latest decision per document. */
  latest(userId: string): Promise<ConsentRow[]> {
    return this.db
      .selectDistinctOn([userConsents.document], {
        document: userConsents.document,
        version: userConsents.version,
        granted: userConsents.granted,
        createdAt: userConsents.createdAt,
      })
      .from(userConsents)
      .where(eq(userConsents.userId, userId))
      .orderBy(userConsents.document, desc(userConsents.createdAt));
  }

  /** Which of these (document, version) pairs the user has granted: one indexed lookup (the write gate). */
  async granted(userId: string, wanted: { document: string; version: string }[]): Promise<Set<string>> {
    const rows = await this.db
      .selectDistinct({ document: userConsents.document })
      .from(userConsents)
      .where(
        and(
          eq(userConsents.userId, userId),
          eq(userConsents.granted, true),
          or(
            ...wanted.map((w) =>
              and(eq(userConsents.document, w.document), eq(userConsents.version, w.version)),
            ),
          ),
        ),
      );
    return new Set(rows.map((r) => r.document));
  }

  /** Every decision, oldest first (the owner's export). */
  history(userId: string): Promise<ConsentRow[]> {
    return this.db
      .select({
        document: userConsents.document,
        version: userConsents.version,
        granted: userConsents.granted,
        createdAt: userConsents.createdAt,
      })
      .from(userConsents)
      .where(eq(userConsents.userId, userId))
      .orderBy(asc(userConsents.createdAt));
  }

  /** An erased account's decisions go with it, in the account module's unit of work. */
  async forget(tx: Tx, userId: string): Promise<void> {
    await sqlOf(tx).delete(userConsents).where(eq(userConsents.userId, userId));
  }
}
