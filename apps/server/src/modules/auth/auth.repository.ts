import { and, eq, exists, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authSessions, oauthAccounts, refreshTokens, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export type UserRow = typeof users.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

export interface NewRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
}

export class AuthRepository {
  constructor(private readonly db: Db) {}

  async findUserByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.email, email));
    return row;
  }

  async findUserIdByProvider(provider: string, providerUserId: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ userId: oauthAccounts.userId })
      .from(oauthAccounts)
      .where(and(eq(oauthAccounts.provider, provider), eq(oauthAccounts.providerUserId, providerUserId)));
    return row?.userId;
  }

  /** Links the provider account of a user just created, in the caller's unit of work. */
  async linkNew(tx: Tx, provider: string, providerUserId: string, userId: string): Promise<void> {
    await sqlOf(tx).insert(oauthAccounts).values({ provider, providerUserId, userId });
  }

  async insertRefreshToken(token: NewRefreshToken, tx?: Tx): Promise<void> {
    await (tx ? sqlOf(tx) : this.db).insert(refreshTokens).values(token);
  }

  /** A token of the family that is live: neither rotated nor revoked, nor expired. */
  async isLiveToken(tokenHash: string, familyId: string, now: Date): Promise<boolean> {
    const [row] = await this.db
      .select({ id: refreshTokens.id })
      .from(refreshTokens)
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          eq(refreshTokens.familyId, familyId),
          isNull(refreshTokens.rotatedAt),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, now),
        ),
      );
    return row !== undefined;
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const [row] = await this.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
    return row;
  }

  /**
   * Marks a live token rotated. Conditional on it still being live, so of two concurrent refreshes with the
   * same token exactly one wins; the loser finds it rotated, as a retry does (ADR 027).
   */
  async markRotated(id: string, now: Date, tx?: Tx): Promise<boolean> {
    const rows = await (tx ? sqlOf(tx) : this.db)
      .update(refreshTokens)
      .set({ rotatedAt: now })
      .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length === 1;
  }

  /** Revokes a family and marks its session signed out (its access tokens stop working), in one statement. */
  async revokeFamily(familyId: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db.execute(sql`with s as (
        update ${authSessions} set revoked_at = ${at}::timestamptz where id = ${familyId} and revoked_at is null)
      update ${refreshTokens} set revoked_at = ${at}::timestamptz
       where family_id = ${familyId} and revoked_at is null`);
  }

  /**
   * Revokes every family of the user and marks every session signed out, in one statement; in the caller's
   * unit of work when given one (a password reset).
   */
  async revokeAllOfUser(userId: string, now: Date, tx?: Tx, except: string | null = null): Promise<void> {
    const at = now.toISOString();
    // `except`: the session kept (a password change keeps the caller's); a uuid no session has otherwise.
    const kept = except ?? '00000000-0000-0000-0000-000000000000';
    await (tx ? sqlOf(tx) : this.db).execute(sql`with s as (
        update ${authSessions} set revoked_at = ${at}::timestamptz
         where user_id = ${userId} and revoked_at is null and id <> ${kept}::uuid)
      update ${refreshTokens} set revoked_at = ${at}::timestamptz
       where user_id = ${userId} and revoked_at is null and family_id <> ${kept}::uuid`);
  }

  /** Housekeeping: a token past its expiry can no longer be used or reused, so its row has no purpose. */
  async deleteExpiredTokens(now: Date): Promise<number> {
    const rows = await this.db
      .delete(refreshTokens)
      .where(lt(refreshTokens.expiresAt, now))
      .returning({ id: refreshTokens.id });
    return rows.length;
  }

  /**
   * An account that exists and has not been deleted and, for a token naming its session, a session not signed
   * out (checked on every authenticated request: one primary-key lookup each).
   */
  async isActive(userId: string, sessionId: string | null = null): Promise<boolean> {
    const live =
      sessionId === null
        ? undefined
        : exists(
            this.db
              .select({ one: sql`1` })
              .from(authSessions)
              .where(
                and(
                  eq(authSessions.id, sessionId),
                  eq(authSessions.userId, users.id),
                  isNull(authSessions.revokedAt),
                ),
              ),
          );
    const [row] = await this.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt), live));
    return row !== undefined;
  }

  async findUserById(userId: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, userId));
    return row;
  }

  /**
   * Links a provider account to a user. The primary key (provider, provider user id) and the unique
   * (user, provider) decide races: of two users linking the same provider account, one wins.
   */
  async link(
    userId: string,
    provider: string,
    providerUserId: string,
  ): Promise<'linked' | 'in_use' | 'provider_taken'> {
    const owner = await this.findUserIdByProvider(provider, providerUserId);
    if (owner) return owner === userId ? 'linked' : 'in_use';
    const inserted = await this.db
      .insert(oauthAccounts)
      .values({ provider, providerUserId, userId })
      .onConflictDoNothing()
      .returning({ userId: oauthAccounts.userId });
    if (inserted.length === 1) return 'linked';
    const now = await this.findUserIdByProvider(provider, providerUserId);
    if (now === userId) return 'linked';
    return now ? 'in_use' : 'provider_taken';
  }

  /**
   * Unlinks a provider unless it is the last way in. The user's row is locked, so two unlinks at once
   * (Kakao and Naver on an account without a password) cannot both pass the count.
   */
  async unlink(userId: string, provider: string): Promise<'unlinked' | 'not_linked' | 'last'> {
    return this.db.transaction(async (tx) => {
      const [user] = await tx
        .select({ passwordHash: users.passwordHash, email: users.email })
        .from(users)
        .where(eq(users.id, userId))
        .for('update');
      const links = await tx
        .select({ provider: oauthAccounts.provider })
        .from(oauthAccounts)
        .where(eq(oauthAccounts.userId, userId));
      if (!user || !links.some((l) => l.provider === provider)) return 'not_linked';
      // A password signs in only with an address (a Kakao/Naver-only account may set one before having one).
      const methods = links.length + (user.passwordHash && user.email ? 1 : 0);
      if (methods <= 1) return 'last';
      await tx
        .delete(oauthAccounts)
        .where(and(eq(oauthAccounts.userId, userId), eq(oauthAccounts.provider, provider)));
      return 'unlinked';
    });
  }
}
