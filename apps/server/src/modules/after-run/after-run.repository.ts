import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { attendance, hostReviews } from '../../db/schema-after-run.ts';
import { notifications, runs, users } from '../../db/schema.ts';

export type NewNotification = typeof notifications.$inferInsert;

/**
 * The good-runner score is derived from the current records, never accumulated: 50, +1 per "present",
 * −1 per "absent", ±1 per review received as host, clamped to 0–100. Saving attendance twice or editing
 * it therefore cannot count anything twice.
 */
const scoreOf = (userId: SQL) => sql`greatest(0, least(100, 50
  + coalesce((select sum(case when a.present then 1 else -1 end) from ${attendance} a where a.user_id = ${userId}), 0)
  + coalesce((select sum(case when r.positive then 1 else -1 end) from ${hostReviews} r where r.host_id = ${userId}), 0)
))`;
type SQL = ReturnType<typeof sql>;

export class AfterRunRepository {
  constructor(private readonly db: Db) {}

  async attendanceOf(runId: string): Promise<Map<string, boolean>> {
    const rows = await this.db.select().from(attendance).where(eq(attendance.runId, runId));
    return new Map(rows.map((r) => [r.userId, r.present]));
  }

  /** Replaces the listed participants' records and recomputes their scores, in one transaction. */
  async saveAttendance(
    runId: string,
    marks: { userId: string; present: boolean }[],
    now: Date,
  ): Promise<void> {
    if (marks.length === 0) return;
    await this.db.transaction(async (tx) => {
      await tx
        .insert(attendance)
        .values(marks.map((m) => ({ runId, userId: m.userId, present: m.present, recordedAt: now })))
        .onConflictDoUpdate({
          target: [attendance.runId, attendance.userId],
          set: { present: sql`excluded.present`, recordedAt: now },
        });
      const ids = marks.map((m) => m.userId);
      await tx
        .update(users)
        .set({ goodRunnerScore: scoreOf(sql`${users.id}`) })
        .where(inArray(users.id, ids));
    });
  }

  /** Inserts the review (once per reviewer: the primary key refuses a second) and moves the host's score. */
  async insertReview(
    review: typeof hostReviews.$inferInsert,
    notice: NewNotification,
  ): Promise<'created' | 'exists'> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx.insert(hostReviews).values(review).onConflictDoNothing().returning();
      if (inserted.length === 0) return 'exists';
      await tx
        .update(users)
        .set({ goodRunnerScore: scoreOf(sql`${users.id}`) })
        .where(eq(users.id, review.hostId));
      await tx.insert(notifications).values(notice);
      return 'created';
    });
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

  /** What moved a user's score: attendance records and reviews received, newest first. */
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
        where h.host_id = ${userId})
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
