import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { attendance, hostReviews, runParticipants, runs, users } from '../../db/tables.ts';
import { type DbTx, sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

/** Who may be marked and who must stay present, read with the run locked. */
export interface AttendanceState {
  /** Participants holding a seat, the host excepted. */
  members: Set<string>;
  /** Participants who wrote a host review for the run. */
  reviewers: Set<string>;
}

/**
 * Locks the run's row: attendance, reviews and removals of one run take this lock first, so each reads
 * what the one before it committed (a reviewer cannot be marked absent while their review goes in).
 */
async function lockRun(tx: DbTx, runId: string): Promise<void> {
  await tx.select({ id: runs.id }).from(runs).where(eq(runs.id, runId)).for('update');
}

export class AfterRunRepository {
  constructor(private readonly db: Db) {}

  async attendanceOf(runId: string): Promise<Map<string, boolean>> {
    const rows = await this.db.select().from(attendance).where(eq(attendance.runId, runId));
    return new Map(rows.map((r) => [r.userId, r.present]));
  }

  /** Who wrote a review for the run. */
  async reviewersOf(runId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ reviewerId: hostReviews.reviewerId })
      .from(hostReviews)
      .where(eq(hostReviews.runId, runId));
    return new Set(rows.map((r) => r.reviewerId));
  }

  /**
   * Locks the run (attendance, reviews and removals of one run take this lock first) and reads, as of that
   * lock, who holds a seat and who has reviewed.
   */
  async lockForAttendance(tx: Tx, runId: string, hostId: string): Promise<AttendanceState> {
    const db = sqlOf(tx);
    await lockRun(db, runId);
    const seated = await db
      .select({ userId: runParticipants.userId })
      .from(runParticipants)
      .where(and(eq(runParticipants.runId, runId), eq(runParticipants.status, 'joined')));
    const reviewed = await db
      .select({ userId: hostReviews.reviewerId })
      .from(hostReviews)
      .where(eq(hostReviews.runId, runId));
    return {
      members: new Set(seated.map((r) => r.userId).filter((id) => id !== hostId)),
      reviewers: new Set(reviewed.map((r) => r.userId)),
    };
  }

  /** The run's marks as of the caller's lock (who was absent before a save: only newly absent runners are told). */
  async marksIn(tx: Tx, runId: string): Promise<Map<string, boolean>> {
    const rows = await sqlOf(tx).select().from(attendance).where(eq(attendance.runId, runId));
    return new Map(rows.map((r) => [r.userId, r.present]));
  }

  /** Replaces the listed participants' records (the run locked by the caller; the service then recomputes their scores). */
  async saveMarks(
    tx: Tx,
    runId: string,
    marks: { userId: string; present: boolean }[],
    now: Date,
  ): Promise<void> {
    if (marks.length === 0) return;
    const db = sqlOf(tx);
    await db
      .insert(attendance)
      .values(marks.map((m) => ({ runId, userId: m.userId, present: m.present, recordedAt: now })))
      .onConflictDoUpdate({
        target: [attendance.runId, attendance.userId],
        set: { present: sql`excluded.present`, recordedAt: now },
      });
  }

  /**
   * A runner leaves or is removed (in the caller's unit of work, run locked): their marks for the run go,
   * and with them the score those marks gave or took.
   */
  async dropAttendanceOf(tx: Tx, runId: string, userId: string): Promise<string[]> {
    const dropped = await sqlOf(tx)
      .delete(attendance)
      .where(and(eq(attendance.runId, runId), eq(attendance.userId, userId)))
      .returning({ userId: attendance.userId });
    return dropped.map((d) => d.userId);
  }

  /**
   * Inserts the review (once per reviewer: the primary key refuses a second) if its author is marked present,
   * with the run locked so the mark cannot flip meanwhile. It moves the host's score only when its author
   * has been marked present at a live run of another host (review farming with fresh accounts never pays).
   */
  async insertReview(
    tx: Tx,
    review: Omit<typeof hostReviews.$inferInsert, 'movesScore'>,
  ): Promise<'created' | 'exists' | 'not_present'> {
    const db = sqlOf(tx);
    await lockRun(db, review.runId);
    const [mark] = await db
      .select({ present: attendance.present })
      .from(attendance)
      .where(and(eq(attendance.runId, review.runId), eq(attendance.userId, review.reviewerId)));
    if (mark?.present !== true) return 'not_present';
    const movesScore = sql<boolean>`exists (
      select 1 from ${attendance} a join ${runs} r on r.id = a.run_id
      where a.user_id = ${review.reviewerId} and a.present
        and r.host_id <> ${review.hostId} and r.cancelled_at is null)`;
    const inserted = await db
      .insert(hostReviews)
      .values({ ...review, movesScore })
      .onConflictDoNothing()
      .returning({ runId: hostReviews.runId });
    if (inserted.length === 0) return 'exists';
    return 'created';
  }

  async reviewOf(runId: string, reviewerId: string) {
    const [row] = await this.db
      .select()
      .from(hostReviews)
      .where(and(eq(hostReviews.runId, runId), eq(hostReviews.reviewerId, reviewerId)));
    return row;
  }

  /** Counts per category of the reviews a host received. */
  async reviewCountsOf(hostId: string): Promise<Map<string, number>> {
    const rows = await rawRows<{ category: string; n: number }>(
      this.db,
      sql`
      select c as category, count(*)::int as n
      from ${hostReviews} r, unnest(r.categories) as c
      where r.host_id = ${hostId}
      group by c`,
    );
    return new Map(rows.map((r) => [r.category, Number(r.n)]));
  }

  /** What moved a user's score: attendance records and score-moving reviews received, newest first. */
  async historyOf(userId: string, limit: number) {
    return rawRows<{ delta: number; reason: string; run_id: string; run_title: string; at: Date | string }>(
      this.db,
      sql`
      (select case when a.present then 1 else -1 end as delta,
              case when a.present then 'present' else 'absent' end as reason,
              a.run_id, r.title as run_title, a.recorded_at as at
         from ${attendance} a join ${runs} r on r.id = a.run_id
        where a.user_id = ${userId})
      union all
      (select case when h.positive then 1 else -1 end,
              case when h.positive then 'review_positive' else 'review_negative' end,
              h.run_id, r.title, h.created_at
         from ${hostReviews} h join ${runs} r on r.id = h.run_id
        where h.host_id = ${userId} and h.moves_score)
      order by at desc
      limit ${limit}`,
    );
  }

  async scoreOf(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ score: users.goodRunnerScore })
      .from(users)
      .where(eq(users.id, userId));
    return row?.score ?? 50;
  }

  async recentReviewsOf(hostId: string, limit: number) {
    return this.db
      .select()
      .from(hostReviews)
      .where(eq(hostReviews.hostId, hostId))
      .orderBy(desc(hostReviews.createdAt))
      .limit(limit);
  }
}
