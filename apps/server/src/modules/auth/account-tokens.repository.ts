import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
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
  /** The app's clock (not the database's) where caps count the rows, so the caps and the expiry agree. */
  createdAt?: Date;
}

export interface ConsumedAccountToken {
  userId: string;
  purpose: AccountTokenPurpose;
  email: string;
}

/**
 * Single-use links sent by mail (issue 15: password reset, address verification and change), stored as the
 * SHA-256 of the token only. The one place with SQL on `account_tokens`.
 */
export class AccountTokensRepository {
  /** Serialises the links of one account and purpose, so concurrent requests cannot both pass a cap. */
  async lock(tx: Tx, userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await sqlOf(tx).execute(
      sql`select pg_advisory_xact_lock(hashtext(${`email-link:${purpose}:${userId}`}))`,
    );
  }

  /** Links of a purpose sent to an account since a moment: how many, the oldest and the newest. */
  async sentSince(
    tx: Tx,
    userId: string,
    purpose: AccountTokenPurpose,
    since: Date,
  ): Promise<{ count: number; oldest: Date | null; newest: Date | null }> {
    const t = accountTokens;
    const [row] = await sqlOf(tx)
      .select({
        count: sql<number>`count(*)::int`,
        oldest: sql<string | null>`min(${t.createdAt})`,
        newest: sql<string | null>`max(${t.createdAt})`,
      })
      .from(t)
      .where(and(eq(t.userId, userId), eq(t.purpose, purpose), gt(t.createdAt, since)));
    const date = (v: string | null | undefined) => (v ? new Date(v) : null);
    return { count: Number(row?.count ?? 0), oldest: date(row?.oldest), newest: date(row?.newest) };
  }

  /** Stores a new token; the account's earlier ones keep working. */
  async insert(tx: Tx, token: NewAccountToken): Promise<void> {
    await sqlOf(tx).insert(accountTokens).values(token);
  }

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
    await this.insert(tx, token);
  }

  /**
   * Uses a live token of one of `purposes` once: a conditional update, so of two concurrent uses exactly one
   * gets the row (the other waits for its commit, then finds it consumed). A token is live while unused and
   * unexpired; with `addressStillCurrent`, also only while its address is still the account's (a link sent
   * to an address the account has since left is void) on an account not deleted.
   */
  async consume(
    tx: Tx,
    tokenHash: string,
    purposes: readonly AccountTokenPurpose[],
    now: Date,
    { addressStillCurrent = false }: { addressStillCurrent?: boolean } = {},
  ): Promise<ConsumedAccountToken | undefined> {
    const t = accountTokens;
    const [row] = await sqlOf(tx)
      .update(t)
      .set({ consumedAt: now })
      .where(
        and(
          eq(t.tokenHash, tokenHash),
          inArray(t.purpose, [...purposes]),
          isNull(t.consumedAt),
          gt(t.expiresAt, now),
          addressStillCurrent
            ? sql`exists (select 1 from ${users} u where u.id = ${t.userId} and u.email = ${t.email} and u.deleted_at is null)`
            : undefined,
        ),
      )
      .returning({ userId: t.userId, purpose: t.purpose, email: t.email });
    return row ? { ...row, purpose: row.purpose as AccountTokenPurpose } : undefined;
  }
}
