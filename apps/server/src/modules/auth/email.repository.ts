import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accountTokens, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

/** The purposes of the links this module mails about the account's address. */
export type EmailLinkPurpose = 'email_verification' | 'email_change';
const PURPOSES: EmailLinkPurpose[] = ['email_verification', 'email_change'];

export interface EmailAccount {
  id: string;
  email: string | null;
  emailVerifiedAt: Date | null;
  nickname: string;
  locale: string;
  passwordHash: string | null;
  deletedAt: Date | null;
}

export interface NewEmailLink {
  userId: string;
  purpose: EmailLinkPurpose;
  tokenHash: string;
  email: string;
  expiresAt: Date;
  /** The app's clock (not the database's), so the caps and the expiry read the same time. */
  createdAt: Date;
}

const accountColumns = {
  id: users.id,
  email: users.email,
  emailVerifiedAt: users.emailVerifiedAt,
  nickname: users.nickname,
  locale: users.locale,
  passwordHash: users.passwordHash,
  deletedAt: users.deletedAt,
};

/** The `account_tokens` rows of verification and change links (issue 15); the SQL of EmailService. */
export class EmailRepository {
  constructor(private readonly db: Db) {}

  async account(userId: string): Promise<EmailAccount | undefined> {
    const [row] = await this.db.select(accountColumns).from(users).where(eq(users.id, userId));
    return row;
  }

  async accountByEmail(email: string): Promise<EmailAccount | undefined> {
    const [row] = await this.db.select(accountColumns).from(users).where(eq(users.email, email));
    return row;
  }

  /** The account's row, locked until the unit of work ends (its address cannot change meanwhile). */
  async lockAccount(tx: Tx, userId: string): Promise<EmailAccount | undefined> {
    const [row] = await sqlOf(tx)
      .select(accountColumns)
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    return row;
  }

  /** Serialises the links of one account and purpose, so concurrent requests cannot both pass a cap. */
  async lockLinks(tx: Tx, userId: string, purpose: EmailLinkPurpose): Promise<void> {
    await sqlOf(tx).execute(
      sql`select pg_advisory_xact_lock(hashtext(${`email-link:${purpose}:${userId}`}))`,
    );
  }

  /** Links of a purpose sent to an account since a moment: how many, the oldest and the newest. */
  async sentSince(
    tx: Tx,
    userId: string,
    purpose: EmailLinkPurpose,
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

  async insert(tx: Tx, link: NewEmailLink): Promise<void> {
    await sqlOf(tx).insert(accountTokens).values(link);
  }

  /** Unused links of a purpose stop working (a newer change of address replaces the one asked before). */
  async retire(tx: Tx, userId: string, purpose: EmailLinkPurpose, now: Date): Promise<void> {
    const t = accountTokens;
    await sqlOf(tx)
      .update(t)
      .set({ consumedAt: now })
      .where(and(eq(t.userId, userId), eq(t.purpose, purpose), isNull(t.consumedAt)));
  }

  /**
   * Uses a live link up: a conditional update, so of two requests with the same token exactly one gets the
   * row (the other waits for its commit, then finds it consumed).
   */
  async consume(
    tx: Tx,
    tokenHash: string,
    now: Date,
  ): Promise<{ userId: string; purpose: EmailLinkPurpose; email: string } | undefined> {
    const t = accountTokens;
    const [row] = await sqlOf(tx)
      .update(t)
      .set({ consumedAt: now })
      .where(
        and(
          eq(t.tokenHash, tokenHash),
          inArray(t.purpose, PURPOSES),
          isNull(t.consumedAt),
          gt(t.expiresAt, now),
        ),
      )
      .returning({ userId: t.userId, purpose: t.purpose, email: t.email });
    return row ? { ...row, purpose: row.purpose as EmailLinkPurpose } : undefined;
  }
}
