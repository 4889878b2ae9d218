import { and, asc, count, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { attendance, crewMembers, crews, runs, users } from '../../db/tables.ts';
import { type DbTx, sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import type { PersonRow } from './crews.repository.ts';
import type { CrewMemberStatus } from './crews.types.ts';

/** What membership decisions read of a crew (under its row lock when read in a unit of work). */
export interface CrewFacts {
  id: string;
  name: string;
  joinPolicy: 'open' | 'approval' | 'invite';
  questions: string[];
  autoMemberAfter: number | null;
  inviteTokenHash: string | null;
  memberCount: number;
  womenOnly: boolean;
  /** Hidden by moderation (reports): listed and shown to its members alone, and joinable by nobody. */
  hiddenAt: Date | null;
}

export interface MemberRow {
  status: CrewMemberStatus;
  role: 'owner' | 'staff' | 'member';
  createdAt: Date;
}

export interface MemberListRow extends MemberRow {
  answers: string[];
  reason: string | null;
  user: PersonRow;
}

/** Where a page of a member list starts: after this (role rank, time, user id). */
export interface MemberCursor {
  rank: number;
  at: string;
  userId: string;
}

const crewFacts = {
  id: crews.id,
  name: crews.name,
  joinPolicy: crews.joinPolicy,
  questions: crews.questions,
  autoMemberAfter: crews.autoMemberAfter,
  inviteTokenHash: crews.inviteTokenHash,
  memberCount: crews.memberCount,
  womenOnly: crews.womenOnly,
  hiddenAt: crews.hiddenAt,
};

/** Owner first, then staff, then members: the order every member list is shown in. */
const roleRank = sql<number>`(case ${crewMembers.role} when 'owner' then 0 when 'staff' then 1 else 2 end)`;

/**
 * The SQL of crew membership. Every decision takes the crew's row lock first (`lockCrew`), so joins,
 * approvals, removals and the member counter of one crew happen one after another and the count is exact.
 */
export class CrewMembersRepository {
  constructor(private readonly db: Db) {}

  /** The live crew, its row locked for the rest of the unit of work; undefined when gone. */
  async lockCrew(tx: Tx, crewId: string): Promise<CrewFacts | undefined> {
    const [row] = await sqlOf(tx)
      .select(crewFacts)
      .from(crews)
      .where(and(eq(crews.id, crewId), isNull(crews.deletedAt)))
      .for('update');
    return row as CrewFacts | undefined;
  }

  async crew(crewId: string): Promise<CrewFacts | undefined> {
    const [row] = await this.db
      .select(crewFacts)
      .from(crews)
      .where(and(eq(crews.id, crewId), isNull(crews.deletedAt)));
    return row as CrewFacts | undefined;
  }

  async rowOf(crewId: string, userId: string, tx?: Tx): Promise<MemberRow | undefined> {
    const db: Db | DbTx = tx ? sqlOf(tx) : this.db;
    const [row] = await db
      .select({ status: crewMembers.status, role: crewMembers.role, createdAt: crewMembers.createdAt })
      .from(crewMembers)
      .where(and(eq(crewMembers.crewId, crewId), eq(crewMembers.userId, userId)));
    return row as MemberRow | undefined;
  }

  async insert(
    tx: Tx,
    row: { crewId: string; userId: string; status: CrewMemberStatus; answers: string[]; now: Date },
  ): Promise<void> {
    await sqlOf(tx)
      .insert(crewMembers)
      .values({
        crewId: row.crewId,
        userId: row.userId,
        status: row.status,
        role: 'member',
        answers: row.answers,
        createdAt: row.now,
        decidedAt: row.status === 'member' ? row.now : null,
      });
  }

  /** A request approved: the row becomes a member's, dated from now (its `joinedAt`). */
  async approve(tx: Tx, crewId: string, userId: string, now: Date): Promise<void> {
    await sqlOf(tx)
      .update(crewMembers)
      .set({ status: 'member', createdAt: now, decidedAt: now })
      .where(and(eq(crewMembers.crewId, crewId), eq(crewMembers.userId, userId)));
  }

  async setRole(tx: Tx, crewId: string, userId: string, role: MemberRow['role'], now: Date): Promise<void> {
    await sqlOf(tx)
      .update(crewMembers)
      .set({ role, decidedAt: now })
      .where(and(eq(crewMembers.crewId, crewId), eq(crewMembers.userId, userId)));
  }

  async ban(tx: Tx, crewId: string, userId: string, reason: string | null, now: Date): Promise<void> {
    await sqlOf(tx)
      .update(crewMembers)
      .set({ status: 'banned', role: 'member', reason, answers: [], decidedAt: now })
      .where(and(eq(crewMembers.crewId, crewId), eq(crewMembers.userId, userId)));
  }

  async delete(tx: Tx, crewId: string, userId: string): Promise<void> {
    await sqlOf(tx)
      .delete(crewMembers)
      .where(and(eq(crewMembers.crewId, crewId), eq(crewMembers.userId, userId)));
  }

  /** Moves the member counter (the crew's row is locked by the caller). */
  async moveCount(tx: Tx, crewId: string, by: number): Promise<void> {
    if (by === 0) return;
    await sqlOf(tx)
      .update(crews)
      .set({ memberCount: sql`${crews.memberCount} + ${by}` })
      .where(eq(crews.id, crewId));
  }

  async setInviteHash(crewId: string, hash: string, now: Date): Promise<void> {
    await this.db
      .update(crews)
      .set({ inviteTokenHash: hash, updatedAt: now })
      .where(and(eq(crews.id, crewId), isNull(crews.deletedAt)));
  }

  /** The crew's owner and staff (who decide on requests). */
  async staffIds(tx: Tx, crewId: string): Promise<string[]> {
    const rows = await sqlOf(tx)
      .select({ userId: crewMembers.userId })
      .from(crewMembers)
      .where(
        and(
          eq(crewMembers.crewId, crewId),
          eq(crewMembers.status, 'member'),
          inArray(crewMembers.role, ['owner', 'staff']),
        ),
      );
    return rows.map((r) => r.userId);
  }

  /** A page of one list, owner and staff first, then by time; `limit + 1` rows tell whether more follow. */
  async list(
    crewId: string,
    status: CrewMemberStatus,
    after: MemberCursor | undefined,
    limit: number,
    onlyUserId?: string,
  ): Promise<(MemberListRow & { rank: number })[]> {
    const conditions: SQL[] = [eq(crewMembers.crewId, crewId), eq(crewMembers.status, status)];
    if (onlyUserId !== undefined) conditions.push(eq(crewMembers.userId, onlyUserId));
    if (after) {
      conditions.push(
        sql`(${roleRank}, ${crewMembers.createdAt}, ${crewMembers.userId}) > (${after.rank}, ${after.at}::timestamptz, ${after.userId}::uuid)`,
      );
    }
    const rows = await this.db
      .select({
        status: crewMembers.status,
        role: crewMembers.role,
        createdAt: crewMembers.createdAt,
        answers: crewMembers.answers,
        reason: crewMembers.reason,
        rank: roleRank,
        user: {
          id: users.id,
          nickname: users.nickname,
          bio: users.bio,
          runningLevel: users.runningLevel,
          avatarId: users.avatarId,
          goodRunnerScore: users.goodRunnerScore,
        },
      })
      .from(crewMembers)
      .innerJoin(users, eq(users.id, crewMembers.userId))
      .where(and(...conditions))
      .orderBy(roleRank, asc(crewMembers.createdAt), asc(crewMembers.userId))
      .limit(limit);
    return rows.map((r) => ({ ...r, rank: Number(r.rank) })) as (MemberListRow & { rank: number })[];
  }

  async pendingCount(crewId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(crewMembers)
      .where(and(eq(crewMembers.crewId, crewId), eq(crewMembers.status, 'pending')));
    return Number(row?.n ?? 0);
  }

  /** Runs of the crew (not cancelled) at which the user was marked present. */
  async attendedRuns(crewId: string, userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(attendance)
      .innerJoin(runs, eq(runs.id, attendance.runId))
      .where(
        and(
          eq(runs.crewId, crewId),
          isNull(runs.cancelledAt),
          eq(attendance.userId, userId),
          eq(attendance.present, true),
        ),
      );
    return Number(row?.n ?? 0);
  }

  /** The crew of a run, when it has one. */
  async crewOfRun(tx: Tx, runId: string): Promise<string | null> {
    const [row] = await sqlOf(tx).select({ crewId: runs.crewId }).from(runs).where(eq(runs.id, runId));
    return row?.crewId ?? null;
  }

  /**
   * Of these users, the guests (no row, or a pending request; never the banned) with at least `needed`
   * present marks at the crew's runs, as the unit of work sees them (the marks just saved included).
   */
  async guestsReaching(tx: Tx, crewId: string, userIds: string[], needed: number): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await rawRows<{ user_id: string }>(
      sqlOf(tx),
      sql`select a.user_id from ${attendance} a join ${runs} r on r.id = a.run_id
          where r.crew_id = ${crewId} and r.cancelled_at is null and a.present
            and a.user_id in (${sql.join(
              userIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})
            and not exists (select 1 from ${crewMembers} m where m.crew_id = ${crewId}
              and m.user_id = a.user_id and m.status <> 'pending')
          group by a.user_id having count(*) >= ${needed}`,
    );
    return rows.map((r) => r.user_id);
  }

  /** Makes these guests members (a pending request of theirs becomes membership); returns who became one. */
  async admit(tx: Tx, crewId: string, userIds: string[], now: Date): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await sqlOf(tx)
      .insert(crewMembers)
      .values(
        userIds.map((userId) => ({
          crewId,
          userId,
          status: 'member',
          role: 'member',
          createdAt: now,
          decidedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [crewMembers.crewId, crewMembers.userId],
        set: { status: 'member', createdAt: now, decidedAt: now },
        setWhere: sql`${crewMembers.status} = 'pending'`,
      })
      .returning({ userId: crewMembers.userId });
    return rows.map((r) => r.userId);
  }

  /** The live crews a user owns, oldest first (account deletion). */
  async ownedCrewIds(tx: Tx, userId: string): Promise<string[]> {
    const rows = await sqlOf(tx)
      .select({ crewId: crewMembers.crewId })
      .from(crewMembers)
      .innerJoin(crews, eq(crews.id, crewMembers.crewId))
      .where(and(eq(crewMembers.userId, userId), eq(crewMembers.role, 'owner'), isNull(crews.deletedAt)))
      .orderBy(asc(crewMembers.createdAt));
    return rows.map((r) => r.crewId);
  }

  /** Who takes over a crew from its leaving owner: the oldest staff, else the oldest member. */
  async successorOf(tx: Tx, crewId: string, ownerId: string): Promise<string | undefined> {
    const [row] = await sqlOf(tx)
      .select({ userId: crewMembers.userId })
      .from(crewMembers)
      .where(
        and(
          eq(crewMembers.crewId, crewId),
          eq(crewMembers.status, 'member'),
          ne(crewMembers.userId, ownerId),
        ),
      )
      .orderBy(roleRank, asc(crewMembers.createdAt), asc(crewMembers.userId))
      .limit(1);
    return row?.userId;
  }

  /** A crew nobody is left in: gone like a deleted crew (its name freed), its rows kept. */
  async softDeleteCrew(tx: Tx, crewId: string, now: Date): Promise<void> {
    await sqlOf(tx)
      .update(crews)
      .set({ deletedAt: now, nameKey: null, updatedAt: now })
      .where(eq(crews.id, crewId));
  }

  /**
   * Every row of a deleted account, each live crew's counter moved down for the member rows; the caller has
   * already handed over the crews it owned.
   */
  async forgetUser(tx: Tx, userId: string): Promise<void> {
    const db = sqlOf(tx);
    const gone = await db
      .delete(crewMembers)
      .where(eq(crewMembers.userId, userId))
      .returning({ crewId: crewMembers.crewId, status: crewMembers.status });
    const counted = gone.filter((g) => g.status === 'member').map((g) => g.crewId);
    if (counted.length === 0) return;
    await db
      .update(crews)
      .set({ memberCount: sql`${crews.memberCount} - 1` })
      .where(and(inArray(crews.id, counted), isNull(crews.deletedAt)));
  }
}
