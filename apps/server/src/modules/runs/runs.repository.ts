import { and, eq, gt, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedRows, rawRows } from '../../db/raw.ts';
import { runBookmarks, runCohosts, runParticipants, runPhotos, runs, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import { parseSearch } from '../../lib/search-text.ts';
import { memberCrewsOf } from '../crews/index.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import {
  type Cursor,
  beyondGuestsSql,
  findRunDetail,
  type HostRow,
  hostColumns,
  keywordsFinding,
  listMyRuns,
  listRuns,
  managesSql,
  type MyRunCard,
  type MyRunsFilter,
  type Rank,
  type RunCard,
  type RunDetail,
  type RunFilter,
  type RunRow,
  type RunSort,
  type SeatOfferState,
  seatOfferSql,
  type ViewerState,
} from './runs.queries.ts';

export type { Cursor, HostRow, Rank, RunCard, RunDetail, RunFilter, RunRow, RunSort };
export type RunWithHost = RunRow & { host: HostRow };
/** The columns that decide who may see a run. */
export type RunVisibility = Pick<RunRow, 'id' | 'hostId' | 'crewId' | 'visibility' | 'hiddenAt'>;
export type NewRun = Omit<typeof runs.$inferInsert, 'id'>;

export class RunsRepository {
  constructor(private readonly db: Db) {}

  /** The run, with its host as participant #1. */
  async create(tx: Tx, values: NewRun): Promise<RunRow> {
    const db = sqlOf(tx);
    const [run] = await db.insert(runs).values(values).returning();
    if (!run) throw new Error('insert returned no row');
    await db
      .insert(runParticipants)
      .values({ runId: run.id, userId: run.hostId, status: 'joined', createdAt: values.createdAt });
    return run;
  }

  /** A series occurrence with its host as participant #1; undefined when another worker opened that date. */
  async createOccurrence(tx: Tx, values: NewRun): Promise<RunRow | undefined> {
    const db = sqlOf(tx);
    const [run] = await db
      .insert(runs)
      .values(values)
      .onConflictDoNothing({ target: [runs.seriesId, runs.occurrenceDate] })
      .returning();
    if (!run) return undefined;
    await db
      .insert(runParticipants)
      .values({ runId: run.id, userId: run.hostId, status: 'joined', createdAt: values.createdAt });
    return run;
  }

  async replacePhotos(tx: Tx, runId: string, photoIds: string[]): Promise<void> {
    const db = sqlOf(tx);
    await db.delete(runPhotos).where(eq(runPhotos.runId, runId));
    if (photoIds.length > 0) {
      await db
        .insert(runPhotos)
        .values(photoIds.map((uploadId, position) => ({ runId, uploadId, position })));
    }
  }

  /** Hidden by reports (the reports module asks, in its unit of work); a hidden run stays as it was. */
  /** Hides it (at) or shows it again (null); a no-op when it already is so. */
  async setHidden(tx: Tx, id: string, at: Date | null): Promise<void> {
    await sqlOf(tx)
      .update(runs)
      .set({ hiddenAt: at })
      .where(and(eq(runs.id, id), at ? isNull(runs.hiddenAt) : isNotNull(runs.hiddenAt)));
  }

  async findWithHost(id: string): Promise<RunWithHost | undefined> {
    const [row] = await this.db
      .select({ run: runs, host: hostColumns })
      .from(runs)
      .innerJoin(users, eq(users.id, runs.hostId))
      .where(eq(runs.id, id));
    return row ? { ...row.run, host: row.host } : undefined;
  }

  /** A page of the feed in one statement, whatever its size (runs.queries.ts). */
  list(
    filter: RunFilter,
    sort: RunSort,
    cursor: Cursor | undefined,
    limit: number,
    viewerId: string | null,
    rank?: Rank,
  ): Promise<RunCard[]> {
    return listRuns(this.db, { filter, sort, cursor, limit, viewerId, rank });
  }

  /** The feed preferences a runner chose at onboarding or in the settings ("내 조건"). */
  async preferencesOf(
    userId: string,
  ): Promise<{ regions: string[]; distance: string | null; timesOfDay: string[] } | undefined> {
    const [row] = await this.db
      .select({
        regions: users.preferredRegions,
        distance: users.preferredDistance,
        timesOfDay: users.preferredTimesOfDay,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row;
  }

  /**
   * Which of the keywords (as typed) the list's `?q=` would find this run by; a blank one finds every run, as
   * a blank `?q=` does. In the caller's transaction (the run may be uncommitted).
   */
  async keywordsFinding(tx: Tx, runId: string, keywords: string[]): Promise<Set<string>> {
    const parsed = [...new Set(keywords)].map((q) => ({ q, query: parseSearch(q) }));
    const searched = parsed.flatMap(({ q, query }) => (query ? [{ q, query }] : []));
    const found = await keywordsFinding(
      sqlOf(tx),
      runId,
      searched.map((s) => s.query),
    );
    return new Set([
      ...parsed.filter((p) => !p.query).map((p) => p.q),
      ...searched.filter((_, i) => found[i]).map((s) => s.q),
    ]);
  }

  /** A page of the runs a user hosts or joined, in one statement (runs.queries.ts). */
  listMine(filter: MyRunsFilter): Promise<MyRunCard[]> {
    return listMyRuns(this.db, filter);
  }

  /** A user's runs still ahead: hosted ones to cancel, and seats or waitlist places to give up. */
  async upcomingOf(userId: string, now: Date): Promise<{ hosted: string[]; joined: string[] }> {
    const rows = await this.db
      .select({ id: runs.id, hostId: runs.hostId })
      .from(runs)
      .innerJoin(runParticipants, eq(runParticipants.runId, runs.id))
      .where(
        and(
          eq(runParticipants.userId, userId),
          inArray(runParticipants.status, ['joined', 'waitlisted']),
          isNull(runs.cancelledAt),
          gt(runs.startsAt, now),
        ),
      );
    return {
      hosted: rows.filter((r) => r.hostId === userId).map((r) => r.id),
      joined: rows.filter((r) => r.hostId !== userId).map((r) => r.id),
    };
  }

  /** A run's page (host, photos, participants, the caller's state) in one statement. */
  findDetail(id: string, viewerId: string | null): Promise<RunDetail | undefined> {
    return findRunDetail(this.db, id, viewerId);
  }

  /**
   * The caller's own state on these runs (seat, place in the queue, bookmark), in one statement: what a
   * signed-in page adds to the page every guest sees (ADR 006). Runs the caller has nothing to do with are
   * left out.
   */
  async viewerStates(userId: string, runIds: string[]): Promise<Map<string, ViewerState>> {
    if (runIds.length === 0) return new Map();
    const rows = await preparedRows<{
      run_id: string;
      status: string | null;
      position: number;
      bookmarked: boolean;
      manages: boolean;
      crew_member: boolean;
      offer: SeatOfferState | null;
      pace_group_id: string | null;
    }>(
      this.db,
      'runs_viewer_states',
      sql`
      select r.id as run_id, m.status,
        case when m.status = 'waitlisted' then (select count(*)::int from ${runParticipants} q
          where q.run_id = r.id and q.status = 'waitlisted'
          and q.pace_group_id is not distinct from m.pace_group_id
          and (q.created_at, q.user_id) <= (m.created_at, m.user_id)) else 0 end as position,
        m.pace_group_id,
        exists (select 1 from ${runBookmarks} b where b.user_id = ${userId} and b.run_id = r.id) as bookmarked,
        ${managesSql(userId, { id: sql`r.id`, hostId: sql`x.host_id`, crewId: sql`x.crew_id` })} as manages,
        coalesce(x.crew_id in ${memberCrewsOf(userId)}, false) as crew_member,
        ${seatOfferSql(userId, sql`r.id`)} as offer
      from unnest(${`{${runIds.join(',')}}`}::uuid[]) as r(id)
      join ${runs} x on x.id = r.id
      left join ${runParticipants} m on m.run_id = r.id and m.user_id = ${userId}`,
    );
    const states = new Map<string, ViewerState>();
    for (const r of rows) {
      if (r.status === null && !r.bookmarked && !r.manages && !r.crew_member && !r.offer) continue;
      states.set(r.run_id, {
        status: r.status,
        position: Number(r.position),
        bookmarked: r.bookmarked,
        manages: r.manages,
        crewMember: r.crew_member,
        offer: r.offer,
        paceGroupId: r.status === 'joined' || r.status === 'waitlisted' ? r.pace_group_id : null,
      });
    }
    return states;
  }

  async setBookmark(userId: string, runId: string, on: boolean): Promise<void> {
    if (on) {
      await this.db.insert(runBookmarks).values({ userId, runId }).onConflictDoNothing();
    } else {
      await this.db
        .delete(runBookmarks)
        .where(and(eq(runBookmarks.userId, userId), eq(runBookmarks.runId, runId)));
    }
  }

  /** The run's row, locked until the unit of work ends. */
  async lock(tx: Tx, runId: string): Promise<RunRow | undefined> {
    const [run] = await sqlOf(tx).select().from(runs).where(eq(runs.id, runId)).for('update');
    return run;
  }

  /** A crew's runs not yet started nor cancelled, locked until the unit of work ends. */
  async lockUpcomingOfCrew(tx: Tx, crewId: string, now: Date): Promise<RunRow[]> {
    return sqlOf(tx)
      .select()
      .from(runs)
      .where(and(eq(runs.crewId, crewId), isNull(runs.cancelledAt), gt(runs.startsAt, now)))
      .for('update');
  }

  /** Moves the run's seat and waitlist counters (no edit: the version stays). */
  async moveSeats(tx: Tx, runId: string, seats: number, waitlist: number): Promise<void> {
    await sqlOf(tx)
      .update(runs)
      .set({
        participantCount: sql`${runs.participantCount} + ${seats}`,
        waitlistCount: sql`${runs.waitlistCount} + ${waitlist}`,
      })
      .where(eq(runs.id, runId));
  }

  /** Whether the user co-hosts, holds a seat in or waits for the run. */
  async isPartOf(runId: string, userId: string): Promise<boolean> {
    const rows = await rawRows<{ yes: boolean }>(
      this.db,
      sql`select (exists (select 1 from ${runCohosts} where run_id = ${runId} and user_id = ${userId})
        or exists (select 1 from ${runParticipants} where run_id = ${runId} and user_id = ${userId}
          and status in ('joined', 'waitlisted'))) as yes`,
    );
    return rows[0]?.yes === true;
  }

  /** Where and when the runs not cancelled starting in [from, to) are, soonest first (weather warming). */
  async placeTimesStarting(from: Date, to: Date, limit: number) {
    return this.db
      .select({
        id: runs.id,
        startsAt: runs.startsAt,
        endsAt: runs.endsAt,
        lat: runs.placeLat,
        lng: runs.placeLng,
        region: runs.region,
      })
      .from(runs)
      .where(and(isNull(runs.cancelledAt), sql`${runs.startsAt} >= ${from}`, sql`${runs.startsAt} < ${to}`))
      .orderBy(runs.startsAt)
      .limit(limit);
  }

  /** The runs this reader sees and a guest does not (runs.queries.ts `beyondGuestsSql`), with their start. */
  async beyondGuestRuns(userId: string, ahead: Date | undefined): Promise<{ id: string; startsAt: Date }[]> {
    const rows = await preparedRows<{ id: string; starts_at: Date | string }>(
      this.db,
      ahead ? 'runs_beyond_guests_ahead' : 'runs_beyond_guests',
      beyondGuestsSql(userId, ahead),
    );
    return rows.map((r) => ({ id: r.id, startsAt: new Date(r.starts_at) }));
  }

  /** The run's co-hosts, in the order they were added. */
  async coHostIds(runId: string, tx?: Tx): Promise<string[]> {
    const db = tx ? sqlOf(tx) : this.db;
    const rows = await db
      .select({ userId: runCohosts.userId })
      .from(runCohosts)
      .where(eq(runCohosts.runId, runId))
      .orderBy(runCohosts.createdAt, runCohosts.userId);
    return rows.map((r) => r.userId);
  }

  /** Which of these users exist (deleted accounts do not). */
  async existingUsers(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ids), isNull(users.deletedAt)));
    return new Set(rows.map((r) => r.id));
  }

  /** The run's co-hosts become exactly these (removed ones keep their seats as runners). */
  async setCoHosts(tx: Tx, runId: string, ids: string[], now: Date): Promise<void> {
    const db = sqlOf(tx);
    await db
      .delete(runCohosts)
      .where(
        ids.length > 0
          ? and(eq(runCohosts.runId, runId), notInArray(runCohosts.userId, ids))
          : eq(runCohosts.runId, runId),
      );
    if (ids.length > 0) {
      await db
        .insert(runCohosts)
        .values(ids.map((userId, i) => ({ runId, userId, createdAt: new Date(now.getTime() + i) })))
        .onConflictDoNothing();
    }
  }

  /** The places these users hold in the run (joined, waitlisted, removed), locked run assumed. */
  async placesOf(tx: Tx, runId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await sqlOf(tx)
      .select({ userId: runParticipants.userId, status: runParticipants.status })
      .from(runParticipants)
      .where(and(eq(runParticipants.runId, runId), inArray(runParticipants.userId, ids)));
    return new Map(rows.map((r) => [r.userId, r.status]));
  }

  /** Gives these users seats (a new row, or their waitlisted/removed one turned into a seat). */
  async seat(tx: Tx, runId: string, ids: string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await sqlOf(tx)
      .insert(runParticipants)
      .values(ids.map((userId) => ({ runId, userId, status: 'joined', createdAt: now })))
      .onConflictDoUpdate({
        target: [runParticipants.runId, runParticipants.userId],
        // A co-host seated from a (full) pace group's waitlist is placed anew in a group with a free seat.
        set: { status: 'joined', removedReason: null, paceGroupId: null },
      });
  }

  /** Writes changes decided on the locked row; every write to a run moves its version. */
  async update(tx: Tx, runId: string, changes: Partial<NewRun>): Promise<void> {
    await sqlOf(tx)
      .update(runs)
      .set({ ...changes, version: sql`${runs.version} + 1` })
      .where(eq(runs.id, runId));
  }
}
