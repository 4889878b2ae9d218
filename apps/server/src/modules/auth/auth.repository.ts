import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { oauthAccounts, refreshTokens, users } from '../../db/schema.ts';

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

  async createUser(values: { email: string | null; passwordHash: string | null; nickname: string }) {
    const [row] = await this.db.insert(users).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async findUserIdByProvider(provider: string, providerUserId: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ userId: oauthAccounts.userId })
      .from(oauthAccounts)
      .where(and(eq(oauthAccounts.provider, provider), eq(oauthAccounts.providerUserId, providerUserId)));
    return row?.userId;
  }

  /** Creates the user and links the provider account in one transaction: neither exists without the other. */
  async createOAuthUser(provider: string, providerUserId: string, nickname: string): Promise<string> {
    return this.db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ nickname }).returning({ id: users.id });
      if (!user) throw new Error('insert returned no row');
      await tx.insert(oauthAccounts).values({ provider, providerUserId, userId: user.id });
      return user.id;
    });
  }

  async insertRefreshToken(token: NewRefreshToken): Promise<void> {
    await this.db.insert(refreshTokens).values(token);
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const [row] = await this.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
    return row;
  }

  /**
   * Marks a live token rotated. Conditional on it still being live, so of two concurrent refreshes with the
   * same token exactly one wins; the loser is treated as reuse.
   */
  async markRotated(id: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(refreshTokens)
      .set({ rotatedAt: now })
      .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length === 1;
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  }

  async revokeAllOfUser(userId: string, now: Date): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
  }

  /** Housekeeping: a token past its expiry can no longer be used or reused, so its row has no purpose. */
  async deleteExpiredTokens(now: Date): Promise<number> {
    const rows = await this.db
      .delete(refreshTokens)
      .where(lt(refreshTokens.expiresAt, now))
      .returning({ id: refreshTokens.id });
    return rows.length;
  }
}
