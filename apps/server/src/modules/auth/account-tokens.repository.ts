import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { accountTokens, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

/** What a mailed link is for (the `purpose` column). */
export type AccountTokenPurpose = 'password_reset' | 'email_verification' | 'email_change';

export interface NewAccountToken {
  userId: string;
  purpose: AccountTokenPurpose;
  tokenHash: string;
  email: string;
  expiresAt: Date;
}

/** Single-use links sent by mail (issue 15), stored as the SHA-256 of the token only. */
export class AccountTokensRepository {
  /**
   * Stores a new token and retires the account's earlier unused ones of the same purpose (only the latest
   * link works), in the caller's unit of work.
   */
  async replace(tx: Tx, token: NewAccountToken, now: Date): Promise<void> {
    const t = accountTokens;
    await sqlOf(tx)
      .update(t)
      .set({ consumedAt: now })
      .where(and(eq(t.userId, token.userId), eq(t.purpose, token.purpose), isNull(t.consumedAt)));
    await sqlOf(tx).insert(t).values(token);
  }

  /**
   * Uses a live token once: a conditional update, so of two concurrent uses exactly one gets the row. A
   * token is live while unused, unexpired, and its address is still the account's (a link sent to an
   * address the account has since left is void) on an account not deleted.
   */
  async consume(
    tx: Tx,
    tokenHash: string,
    purpose: AccountTokenPurpose,
    now: Date,
  ): Promise<{ userId: string; email: string } | undefined> {
    const t = accountTokens;
    const [row] = await sqlOf(tx)
      .update(t)
      .set({ consumedAt: now })
      .where(
        and(
          eq(t.tokenHash, tokenHash),
          eq(t.purpose, purpose),
          isNull(t.consumedAt),
          gt(t.expiresAt, now),
          sql`exists (select 1 from ${users} u where u.id = ${t.userId} and u.email = ${t.email} and u.deleted_at is null)`,
        ),
      )
      .returning({ userId: t.userId, email: t.email });
    return row;
  }
}
