import { and, count, desc, eq, exists, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { authSessions, refreshTokens, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export type SessionRow = typeof authSessions.$inferSelect;

export interface NewSession {
  id: string;
  userId: string;
  deviceHash: string | null;
  userAgent: string;
  ip: string | null;
}

/** What the new-device check knows of an account's devices. */
export interface DeviceHistory {
  /** Sessions that recorded a device (pre-sessions sign-ins did not). */
  known: number;
  /** Whether one of them was this device. */
  seen: boolean;
}

/** A session's user, for the mail that tells them of a sign-in. */
export interface SessionOwner {
  email: string | null;
  nickname: string;
  locale: string;
}

/** Sign-ins listed at most (a person has a handful; more is a script, and the newest are what matters). */
export const SESSIONS_LISTED = 100;

/** The auth module's `auth_sessions`: one row per sign-in, its id the refresh-token family's. */
export class SessionsRepository {
  constructor(private readonly db: Db) {}

  async insert(tx: Tx, session: NewSession): Promise<void> {
    await sqlOf(tx).insert(authSessions).values(session);
  }

  /** Whether the account signed in from this device before (live or past), and from any recorded one. */
  async deviceHistory(userId: string, deviceHash: string): Promise<DeviceHistory> {
    const [row] = await this.db
      .select({
        known: count(authSessions.deviceHash),
        seen: sql<boolean>`coalesce(bool_or(${authSessions.deviceHash} = ${deviceHash}), false)`,
      })
      .from(authSessions)
      .where(and(eq(authSessions.userId, userId), isNotNull(authSessions.deviceHash)));
    return { known: Number(row?.known ?? 0), seen: row?.seen === true };
  }

  async ownerOf(tx: Tx, userId: string): Promise<SessionOwner | undefined> {
    const [row] = await sqlOf(tx)
      .select({ email: users.email, nickname: users.nickname, locale: users.locale })
      .from(users)
      .where(eq(users.id, userId));
    return row;
  }

  /**
   * A refresh: the session was used now, from this address and browser. Written at most once a minute per
   * session (a refresh every few minutes from every tab would otherwise rewrite the row each time), or at
   * once to record the device of a session that had none (signed in before devices were recorded).
   */
  async touch(
    id: string,
    seen: { ip: string | null; userAgent: string; deviceHash: string | null },
    now: Date,
  ): Promise<void> {
    await this.db
      .update(authSessions)
      .set({
        lastUsedAt: now,
        ip: seen.ip,
        userAgent: seen.userAgent,
        deviceHash: sql`coalesce(${authSessions.deviceHash}, ${seen.deviceHash})`,
      })
      .where(
        and(
          eq(authSessions.id, id),
          or(
            lt(authSessions.lastUsedAt, new Date(now.getTime() - 60_000)),
            and(isNull(authSessions.deviceHash), sql`${seen.deviceHash}::text is not null`),
          ),
        ),
      );
  }

  /** Live sessions: not revoked, and their family still holds a token that may refresh. Newest used first. */
  async listLive(userId: string, now: Date): Promise<SessionRow[]> {
    return this.db
      .select()
      .from(authSessions)
      .where(
        and(
          eq(authSessions.userId, userId),
          isNull(authSessions.revokedAt),
          exists(
            this.db
              .select({ one: sql`1` })
              .from(refreshTokens)
              .where(
                and(
                  eq(refreshTokens.familyId, authSessions.id),
                  isNull(refreshTokens.rotatedAt),
                  isNull(refreshTokens.revokedAt),
                  gt(refreshTokens.expiresAt, now),
                ),
              ),
          ),
        ),
      )
      .orderBy(desc(authSessions.lastUsedAt), desc(authSessions.id))
      .limit(SESSIONS_LISTED);
  }

  /**
   * Signs one session of this user out: the session and its refresh-token family, in one statement. False
   * when the user has no such session (unknown, or another user's). Idempotent for one already revoked.
   */
  async revoke(userId: string, sessionId: string, now: Date): Promise<boolean> {
    const rows = await rawRows<{ id: string }>(
      this.db,
      sql`with s as (
            update ${authSessions} set revoked_at = coalesce(revoked_at, ${now.toISOString()}::timestamptz)
             where id = ${sessionId} and user_id = ${userId}
            returning id),
          r as (
            update ${refreshTokens} set revoked_at = ${now.toISOString()}::timestamptz
             where family_id in (select id from s) and revoked_at is null)
          select id from s`,
    );
    return rows.length === 1;
  }

  /** Signs every other session of this user out (sessions and refresh tokens), in one statement. */
  async revokeOthers(userId: string, keepId: string, now: Date): Promise<string[]> {
    const rows = await rawRows<{ id: string }>(
      this.db,
      sql`with s as (
            update ${authSessions} set revoked_at = ${now.toISOString()}::timestamptz
             where user_id = ${userId} and id <> ${keepId} and revoked_at is null
            returning id),
          r as (
            update ${refreshTokens} set revoked_at = ${now.toISOString()}::timestamptz
             where user_id = ${userId} and family_id <> ${keepId} and revoked_at is null)
          select id from s`,
    );
    return rows.map((r) => r.id);
  }

  /** Housekeeping: sessions unused for longer than a device cookie lives say nothing about any device. */
  async deleteUnusedSince(before: Date): Promise<number> {
    const rows = await this.db
      .delete(authSessions)
      .where(lt(authSessions.lastUsedAt, before))
      .returning({ id: authSessions.id });
    return rows.length;
  }
}
