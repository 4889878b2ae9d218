import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crewMembers, runCohosts, users, userBlocks } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export interface BlockRow {
  user: { id: string; nickname: string; avatarId: string | null };
  blockedAt: Date;
}

/** The only writer of `user_blocks`: one row per (blocker, blocked), one-way. */
export class BlocksRepository {
  constructor(private readonly db: Db) {}

  /** A live (not deleted) account: only such a user can be blocked. */
  async userExists(userId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)));
    return row !== undefined;
  }

  /** Idempotent: a second block keeps the first one's time. */
  async add(blockerId: string, blockedId: string, now: Date): Promise<void> {
    await this.db.insert(userBlocks).values({ blockerId, blockedId, createdAt: now }).onConflictDoNothing();
  }

  async remove(blockerId: string, blockedId: string): Promise<void> {
    await this.db
      .delete(userBlocks)
      .where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId)));
  }

  async find(blockerId: string, blockedId: string): Promise<Date | undefined> {
    const [row] = await this.db
      .select({ createdAt: userBlocks.createdAt })
      .from(userBlocks)
      .where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId)));
    return row?.createdAt;
  }

  /** Most recent first; cursor = (blockedAt, user id). Deleted accounts are left out (nothing of theirs shows). */
  async list(blockerId: string, cursor: [string, string] | undefined, limit: number): Promise<BlockRow[]> {
    const conditions: SQL[] = [eq(userBlocks.blockerId, blockerId), isNull(users.deletedAt)];
    if (cursor) {
      conditions.push(
        sql`(${userBlocks.createdAt}, ${userBlocks.blockedId}) < (${new Date(cursor[0])}, ${cursor[1]})`,
      );
    }
    return this.db
      .select({
        user: { id: users.id, nickname: users.nickname, avatarId: users.avatarId },
        blockedAt: userBlocks.createdAt,
      })
      .from(userBlocks)
      .innerJoin(users, eq(users.id, userBlocks.blockedId))
      .where(and(...conditions))
      .orderBy(desc(userBlocks.createdAt), desc(userBlocks.blockedId))
      .limit(limit);
  }

  /** The run's host or one of its co-hosts blocked this user (read in the join's unit of work). */
  async runRefuses(tx: Tx, run: { id: string; hostId: string }, userId: string): Promise<boolean> {
    const [row] = await sqlOf(tx)
      .select({ one: sql<number>`1` })
      .from(userBlocks)
      .where(
        and(
          eq(userBlocks.blockedId, userId),
          sql`(${userBlocks.blockerId} = ${run.hostId} or ${userBlocks.blockerId} in
            (select c.user_id from ${runCohosts} c where c.run_id = ${run.id}))`,
        ),
      )
      .limit(1);
    return row !== undefined;
  }

  /** The crew's owner or one of its staff blocked this user (read in the join's unit of work). */
  async crewRefuses(tx: Tx, crewId: string, userId: string): Promise<boolean> {
    const [row] = await sqlOf(tx)
      .select({ one: sql<number>`1` })
      .from(userBlocks)
      .where(
        and(
          eq(userBlocks.blockedId, userId),
          sql`${userBlocks.blockerId} in (select cm.user_id from ${crewMembers} cm
            where cm.crew_id = ${crewId} and cm.status = 'member' and cm.role in ('owner', 'staff'))`,
        ),
      )
      .limit(1);
    return row !== undefined;
  }

  /** Whom I blocked and when, oldest first, by nickname (the owner's export). */
  exportOf(blockerId: string): Promise<{ nickname: string; blockedAt: Date }[]> {
    return this.db
      .select({ nickname: users.nickname, blockedAt: userBlocks.createdAt })
      .from(userBlocks)
      .innerJoin(users, eq(users.id, userBlocks.blockedId))
      .where(eq(userBlocks.blockerId, blockerId))
      .orderBy(asc(userBlocks.createdAt));
  }

  /** Which of `userIds` blocked `blockedId` (through the caller's unit of work). */
  async blockersAmong(tx: Tx, userIds: string[], blockedId: string): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await sqlOf(tx)
      .select({ id: userBlocks.blockerId })
      .from(userBlocks)
      .where(and(inArray(userBlocks.blockerId, userIds), eq(userBlocks.blockedId, blockedId)));
    return new Set(rows.map((r) => r.id));
  }

  /** An erased account's blocks go, both ways, in the account module's unit of work. */
  async forget(tx: Tx, userId: string): Promise<void> {
    await sqlOf(tx)
      .delete(userBlocks)
      .where(or(eq(userBlocks.blockerId, userId), eq(userBlocks.blockedId, userId)));
  }
}
