import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { attendance, hostReviews, runParticipants, runs, userBadges } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

/**
 * A run that counts for stats and badges (me.ts): ended, not cancelled, and I held a seat and the host marked
 * me present, or I hosted it and someone was marked present there (DOMAIN: badges and statistics count a run
 * only for runners marked present — a host's runs that nobody was marked present at, three on one evening in
 * three cities, count for nothing).
 */
export interface CountedRun {
  id: string;
  host_id: string;
  theme: string;
  region: string;
  time_of_day: string;
  distance_km: number;
  minutes: number;
  /** YYYY-MM of the start in Asia/Seoul. */
  month: string;
}

/** The counting rule of me.ts as one statement; stats and badges share it so they never disagree. */
function countedRunsOf(db: Db, userId: string, now: Date): Promise<CountedRun[]> {
  return rawRows<CountedRun>(
    db,
    sql`
    select r.id, r.host_id, r.theme, r.region, r.time_of_day, r.distance_km,
      (extract(epoch from (r.ends_at - r.starts_at)) / 60)::int as minutes,
      to_char(r.starts_at at time zone 'Asia/Seoul', 'YYYY-MM') as month
    from ${runs} r join ${runParticipants} p on p.run_id = r.id and p.user_id = ${userId} and p.status = 'joined'
    where r.cancelled_at is null and r.ends_at <= ${now}
      and exists (select 1 from ${attendance} a
        where a.run_id = r.id and a.present and (a.user_id = ${userId} or r.host_id = ${userId}))`,
  );
}

export class BadgesRepository {
  constructor(private readonly db: Db) {}

  /** A user's earned badges, oldest first. */
  async earned(userId: string): Promise<{ badge: string; awardedAt: Date }[]> {
    return this.db
      .select({ badge: userBadges.badge, awardedAt: userBadges.awardedAt })
      .from(userBadges)
      .where(eq(userBadges.userId, userId))
      .orderBy(asc(userBadges.awardedAt), asc(userBadges.badge));
  }

  countedRuns(userId: string, now: Date): Promise<CountedRun[]> {
    return countedRunsOf(this.db, userId, now);
  }

  /** The host's attendance marks for the user on live runs, in the order the runs started. */
  async attendanceMarks(userId: string): Promise<boolean[]> {
    const rows = await this.db
      .select({ present: attendance.present })
      .from(attendance)
      .innerJoin(runs, eq(runs.id, attendance.runId))
      .where(sql`${attendance.userId} = ${userId} and ${runs.cancelledAt} is null`)
      .orderBy(asc(runs.startsAt), asc(runs.id));
    return rows.map((r) => r.present);
  }

  /** Whether each of the host's latest score-moving reviews was positive, newest first (farming never pays). */
  async latestReviews(hostId: string, limit: number): Promise<boolean[]> {
    const rows = await rawRows<{ positive: boolean }>(
      this.db,
      sql`select positive from ${hostReviews} where host_id = ${hostId} and moves_score
        order by created_at desc, run_id desc, reviewer_id desc limit ${limit}`,
    );
    return rows.map((r) => r.positive);
  }

  /**
   * Awards badges in the caller's unit of work: the primary key lets each in once, and only the badges
   * actually inserted are returned (to be notified in the same transaction), so concurrent evaluations never
   * award or notify twice.
   */
  async award(tx: Tx, userId: string, badges: string[], now: Date): Promise<string[]> {
    if (badges.length === 0) return [];
    const inserted = await sqlOf(tx)
      .insert(userBadges)
      .values(badges.map((badge) => ({ userId, badge, awardedAt: now })))
      .onConflictDoNothing()
      .returning({ badge: userBadges.badge });
    return inserted.map((r) => r.badge);
  }

  /** Hosts of the given runs (a run's end is a moment to evaluate its host too). */
  async hostsOf(runIds: string[]): Promise<string[]> {
    if (runIds.length === 0) return [];
    const rows = await this.db
      .selectDistinct({ hostId: runs.hostId })
      .from(runs)
      .where(inArray(runs.id, runIds));
    return rows.map((r) => r.hostId);
  }
}
