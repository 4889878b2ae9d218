import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import {
  attendance,
  attendanceDisputes,
  lateCancellations,
  runParticipants,
  runs,
  users,
} from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export type DisputeRow = typeof attendanceDisputes.$inferSelect;

/** A runner's reliability counts over a span (DOMAIN: joined runs that took place, marks, late cancellations). */
export interface ReliabilityCounts {
  userId: string;
  joined: number;
  present: number;
  absent: number;
  lateCancellations: number;
}

/**
 * Attendance disputes, late cancellations and the reliability record (after-run owns attendance, so it owns
 * what is said about it: ADR 019).
 */
export class DisputesRepository {
  constructor(private readonly db: Db) {}

  /** The runner's mark at the run, when it was recorded, and whether they still hold a seat. */
  async markOf(runId: string, userId: string) {
    const [row] = await this.db
      .select({ present: attendance.present, recordedAt: attendance.recordedAt })
      .from(attendance)
      .where(and(eq(attendance.runId, runId), eq(attendance.userId, userId)));
    return row;
  }

  /** The runner's dispute at the run (through the caller's unit of work when given). */
  async disputeOf(runId: string, userId: string, tx?: Tx): Promise<DisputeRow | undefined> {
    const [row] = await (tx ? sqlOf(tx) : this.db)
      .select()
      .from(attendanceDisputes)
      .where(and(eq(attendanceDisputes.runId, runId), eq(attendanceDisputes.userId, userId)));
    return row;
  }

  /** Locks the run (attendance's order: the run first) and reads the runner's mark and seat as of the lock. */
  async lockMark(tx: Tx, runId: string, userId: string) {
    const db = sqlOf(tx);
    await db.select({ id: runs.id }).from(runs).where(eq(runs.id, runId)).for('update');
    const [mark] = await db
      .select({ present: attendance.present, recordedAt: attendance.recordedAt })
      .from(attendance)
      .where(and(eq(attendance.runId, runId), eq(attendance.userId, userId)));
    const [seat] = await db
      .select({ status: runParticipants.status })
      .from(runParticipants)
      .where(and(eq(runParticipants.runId, runId), eq(runParticipants.userId, userId)));
    return { mark, joined: seat?.status === 'joined' };
  }

  /** One dispute per run and runner: the unique index decides (a second answers undefined). */
  async insertDispute(
    tx: Tx,
    row: { runId: string; userId: string; note: string; createdAt: Date },
  ): Promise<DisputeRow | undefined> {
    const [inserted] = await sqlOf(tx)
      .insert(attendanceDisputes)
      .values(row)
      .onConflictDoNothing()
      .returning();
    return inserted;
  }

  /**
   * Decides a dispute still in `from` (open: the host's; escalated: the moderators'); undefined when it was
   * decided or escalated meanwhile.
   */
  async resolve(
    tx: Tx,
    runId: string,
    userId: string,
    from: 'open' | 'escalated',
    status: 'accepted' | 'rejected',
    by: string,
    now: Date,
  ): Promise<DisputeRow | undefined> {
    const [row] = await sqlOf(tx)
      .update(attendanceDisputes)
      .set({ status, resolvedAt: now, resolvedBy: by })
      .where(
        and(
          eq(attendanceDisputes.runId, runId),
          eq(attendanceDisputes.userId, userId),
          eq(attendanceDisputes.status, from),
        ),
      )
      .returning();
    return row;
  }

  /**
   * The host marked these runners present on the sheet (the attendance's unit of work, run locked): their
   * undecided disputes are accepted. Returns the ones it decided.
   */
  async acceptUndecided(
    tx: Tx,
    runId: string,
    userIds: string[],
    by: string,
    now: Date,
  ): Promise<DisputeRow[]> {
    if (userIds.length === 0) return [];
    return sqlOf(tx)
      .update(attendanceDisputes)
      .set({ status: 'accepted', resolvedAt: now, resolvedBy: by })
      .where(
        and(
          eq(attendanceDisputes.runId, runId),
          inArray(attendanceDisputes.userId, userIds),
          inArray(attendanceDisputes.status, ['open', 'escalated']),
        ),
      )
      .returning();
  }

  /** The run's disputes with their authors, open ones first, oldest first. */
  async disputesOf(runId: string) {
    return this.db
      .select({
        dispute: attendanceDisputes,
        nickname: users.nickname,
        avatarId: users.avatarId,
      })
      .from(attendanceDisputes)
      .innerJoin(users, eq(users.id, attendanceDisputes.userId))
      .where(eq(attendanceDisputes.runId, runId))
      .orderBy(
        sql`case when ${attendanceDisputes.status} in ('open', 'escalated') then 0 else 1 end`,
        asc(attendanceDisputes.createdAt),
      );
  }

  /**
   * Open disputes created at or before `before` become `escalated` (the moderators decide): one statement
   * over `status = 'open'`, so workers running it together escalate each once. Returns the ones it moved.
   */
  async escalate(before: Date): Promise<DisputeRow[]> {
    return this.db
      .update(attendanceDisputes)
      .set({ status: 'escalated' })
      .where(and(eq(attendanceDisputes.status, 'open'), lte(attendanceDisputes.createdAt, before)))
      .returning();
  }

  /** Escalated disputes, oldest first (the moderators' queue reads these). */
  /** Escalated disputes, oldest first, with the run's title, start and host and the runner's nickname. */
  escalatedWithContext(limit: number) {
    return rawRows<{
      run_id: string;
      user_id: string;
      note: string;
      status: string;
      created_at: Date | string;
      resolved_at: Date | string | null;
      title: string;
      starts_at: Date | string;
      host_id: string;
      host_nickname: string;
      nickname: string;
    }>(
      this.db,
      sql`select d.run_id, d.user_id, d.note, d.status, d.created_at, d.resolved_at, r.title, r.starts_at,
          r.host_id, h.nickname as host_nickname, u.nickname
        from ${attendanceDisputes} d
        join ${runs} r on r.id = d.run_id
        join ${users} h on h.id = r.host_id
        join ${users} u on u.id = d.user_id
        where d.status = 'escalated'
        order by d.created_at, d.run_id, d.user_id
        limit ${limit}`,
    );
  }

  async escalated(limit: number): Promise<DisputeRow[]> {
    return this.db
      .select()
      .from(attendanceDisputes)
      .where(eq(attendanceDisputes.status, 'escalated'))
      .orderBy(asc(attendanceDisputes.createdAt))
      .limit(limit);
  }

  /** A joined runner left within 3 h of the start (the caller's unit of work); once per run and runner. */
  async insertLateCancellation(tx: Tx, runId: string, userId: string, now: Date): Promise<void> {
    await sqlOf(tx)
      .insert(lateCancellations)
      .values({ runId, userId, cancelledAt: now })
      .onConflictDoNothing();
  }

  /**
   * The record of each user since `since`: joined runs that took place (ended by `now`, not cancelled, not
   * hosted by them), their present and absent marks there, and their late cancellations. Inside a unit of
   * work (a join check) it reads through it: one connection may serve the transaction alone.
   */
  async reliabilityOf(userIds: string[], since: Date, now: Date, tx?: Tx): Promise<ReliabilityCounts[]> {
    if (userIds.length === 0) return [];
    const rows = await rawRows<{
      user_id: string;
      joined: number;
      present: number;
      absent: number;
      late: number;
    }>(
      tx ? sqlOf(tx) : this.db,
      sql`
      select u.id as user_id,
        (select count(*)::int from ${runParticipants} p join ${runs} r on r.id = p.run_id
          where p.user_id = u.id and p.status = 'joined' and r.cancelled_at is null and r.host_id <> u.id
            and r.ends_at <= ${now} and r.starts_at > ${since}) as joined,
        (select count(*)::int from ${attendance} a join ${runs} r on r.id = a.run_id
          where a.user_id = u.id and a.present and r.cancelled_at is null and r.starts_at > ${since}) as present,
        (select count(*)::int from ${attendance} a join ${runs} r on r.id = a.run_id
          where a.user_id = u.id and not a.present and r.cancelled_at is null and r.starts_at > ${since}) as absent,
        (select count(*)::int from ${lateCancellations} l
          where l.user_id = u.id and l.cancelled_at > ${since}) as late
      from ${users} u
      where u.id in (${sql.join(
        userIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    return rows.map((r) => ({
      userId: r.user_id,
      joined: Number(r.joined),
      present: Number(r.present),
      absent: Number(r.absent),
      lateCancellations: Number(r.late),
    }));
  }

  /** Runs (not cancelled) in which the user holds a seat or waits, newest first: who may read their record. */
  async runsWith(userId: string, limit: number): Promise<{ runId: string; hostId: string }[]> {
    return this.db
      .select({ runId: runs.id, hostId: runs.hostId })
      .from(runParticipants)
      .innerJoin(runs, eq(runs.id, runParticipants.runId))
      .where(
        and(
          eq(runParticipants.userId, userId),
          inArray(runParticipants.status, ['joined', 'waitlisted']),
          sql`${runs.cancelledAt} is null`,
        ),
      )
      .orderBy(sql`${runs.startsAt} desc`)
      .limit(limit);
  }
}
