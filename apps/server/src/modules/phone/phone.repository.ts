import { and, desc, eq, gt, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { phoneVerifications, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export interface CodeLimits {
  resendAfterMs: number;
  /** Codes one user may have sent to one number a day. */
  perUserPhonePerDay: number;
  /** Codes one user may have sent a day, to any numbers. */
  perUserPerDay: number;
  /** Codes a number may receive a day from everyone (SMS pumping); well above perUserPhonePerDay. */
  perPhonePerDay: number;
  perIpPerHour: number;
}

export type IssueOutcome =
  | { ok: true }
  | {
      ok: false;
      reason: 'too_soon' | 'user_phone_limit' | 'user_limit' | 'phone_limit' | 'ip_limit';
      retryAt: Date;
    };

export interface NewCode {
  userId: string;
  phoneHash: string;
  codeHash: string;
  ip: string;
  now: Date;
  expiresAt: Date;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export class PhoneRepository {
  constructor(private readonly db: Db) {}

  /**
   * Stores a new code unless a limit says no. The counts and the insert happen under transaction-scoped
   * advisory locks on the user, the number and the IP, so concurrent requests cannot both slip under a limit.
   * The new code replaces the user's earlier ones.
   */
  async issue(code: NewCode, limits: CodeLimits): Promise<IssueOutcome> {
    return this.db.transaction(async (tx) => {
      for (const key of [`u:${code.userId}`, `p:${code.phoneHash}`, `i:${code.ip}`]) {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`phone-code:${key}`}))`);
      }
      const t = phoneVerifications;
      const [last] = await tx
        .select({ createdAt: t.createdAt })
        .from(t)
        .where(eq(t.userId, code.userId))
        .orderBy(desc(t.createdAt))
        .limit(1);
      if (last && code.now.getTime() - last.createdAt.getTime() < limits.resendAfterMs) {
        return {
          ok: false,
          reason: 'too_soon',
          retryAt: new Date(last.createdAt.getTime() + limits.resendAfterMs),
        };
      }
      const windowed = async (where: SQL | undefined, windowMs: number) => {
        const [row] = await tx
          .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${t.createdAt})` })
          .from(t)
          .where(and(where, gt(t.createdAt, new Date(code.now.getTime() - windowMs))));
        return { n: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest) : code.now };
      };
      // Strangers typing someone's number use up their own allowance (user, number), not the owner's; the
      // number's own cap is high enough that one stranger cannot reach it.
      const checks = [
        {
          reason: 'user_phone_limit',
          max: limits.perUserPhonePerDay,
          windowMs: DAY_MS,
          where: and(eq(t.userId, code.userId), eq(t.phoneHash, code.phoneHash)),
        },
        {
          reason: 'user_limit',
          max: limits.perUserPerDay,
          windowMs: DAY_MS,
          where: eq(t.userId, code.userId),
        },
        {
          reason: 'phone_limit',
          max: limits.perPhonePerDay,
          windowMs: DAY_MS,
          where: eq(t.phoneHash, code.phoneHash),
        },
        { reason: 'ip_limit', max: limits.perIpPerHour, windowMs: HOUR_MS, where: eq(t.ip, code.ip) },
      ] as const;
      for (const check of checks) {
        const used = await windowed(check.where, check.windowMs);
        if (used.n >= check.max) {
          return {
            ok: false,
            reason: check.reason,
            retryAt: new Date(used.oldest.getTime() + check.windowMs),
          };
        }
      }
      await tx
        .update(t)
        .set({ consumedAt: code.now })
        .where(and(eq(t.userId, code.userId), isNull(t.consumedAt)));
      await tx.insert(t).values({
        userId: code.userId,
        phoneHash: code.phoneHash,
        codeHash: code.codeHash,
        ip: code.ip,
        expiresAt: code.expiresAt,
        createdAt: code.now,
      });
      return { ok: true };
    });
  }

  /**
   * Counts one try against the user's live code for this number and returns it; null when there is none
   * (never sent, expired, used, or burnt by too many tries). The count is a conditional UPDATE, so
   * concurrent guesses cannot exceed the allowance.
   */
  async takeAttempt(
    userId: string,
    phoneHash: string,
    now: Date,
    maxAttempts: number,
  ): Promise<{ id: string; codeHash: string } | null> {
    const t = phoneVerifications;
    const [row] = await this.db
      .update(t)
      .set({ attempts: sql`${t.attempts} + 1` })
      .where(
        and(
          eq(t.userId, userId),
          eq(t.phoneHash, phoneHash),
          isNull(t.consumedAt),
          gt(t.expiresAt, now),
          lt(t.attempts, maxAttempts),
        ),
      )
      .returning({ id: t.id, codeHash: t.codeHash });
    return row ?? null;
  }

  /** Uses the code (once), in the caller's unit of work; false when it was already used. */
  async consume(tx: Tx, codeId: string, now: Date): Promise<boolean> {
    const used = await sqlOf(tx)
      .update(phoneVerifications)
      .set({ consumedAt: now })
      .where(and(eq(phoneVerifications.id, codeId), isNull(phoneVerifications.consumedAt)))
      .returning({ id: phoneVerifications.id });
    return used.length > 0;
  }

  /**
   * Accounts with a verified number that were sent a code for this number hash, latest verifier first (the
   * caller decrypts and compares: `users` keeps the number encrypted with a random IV, not hashed).
   */
  async verifiedCandidates(phoneHash: string): Promise<{ userId: string; encrypted: string }[]> {
    const rows = await this.db
      .select({ userId: users.id, encrypted: users.phoneEncrypted })
      .from(users)
      .where(
        and(
          isNull(users.deletedAt),
          isNotNull(users.phoneVerifiedAt),
          isNotNull(users.phoneEncrypted),
          inArray(
            users.id,
            this.db
              .selectDistinct({ userId: phoneVerifications.userId })
              .from(phoneVerifications)
              .where(eq(phoneVerifications.phoneHash, phoneHash)),
          ),
        ),
      )
      .orderBy(desc(users.phoneVerifiedAt))
      .limit(20);
    return rows.flatMap((r) => (r.encrypted ? [{ userId: r.userId, encrypted: r.encrypted }] : []));
  }

  async phoneOf(
    userId: string,
  ): Promise<{ encrypted: string | null; verifiedAt: Date | null; smsConsent: boolean } | null> {
    const [row] = await this.db
      .select({
        encrypted: users.phoneEncrypted,
        verifiedAt: users.phoneVerifiedAt,
        smsConsent: users.smsConsent,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row ?? null;
  }
}
