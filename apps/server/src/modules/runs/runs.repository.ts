import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { runBookmarks, runParticipants, runPhotos, runs, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import {
  type Cursor,
  findRunDetail,
  type HostRow,
  hostColumns,
  listMyRuns,
  listRuns,
  type MyRunCard,
  type MyRunsFilter,
  type RunCard,
  type RunDetail,
  type RunFilter,
  type RunRow,
  type RunSort,
  type ViewerState,
} from './runs.queries.ts';

export type { Cursor, HostRow, RunCard, RunDetail, RunFilter, RunRow, RunSort };
export type RunWithHost = RunRow & { host: HostRow };
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

  async exists(id: string): Promise<boolean> {
    const [row] = await this.db.select({ id: runs.id }).from(runs).where(eq(runs.id, id));
    return row !== undefined;
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
  ): Promise<RunCard[]> {
    return listRuns(this.db, { filter, sort, cursor, limit, viewerId });
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
    const rows = await rawRows<{
      run_id: string;
      status: string | null;
      position: number;
      bookmarked: boolean;
    }>(
      this.db,
      sql`
      select r.id as run_id, m.status,
        case when m.status = 'waitlisted' then (select count(*)::int from ${runParticipants} q
          where q.run_id = r.id and q.status = 'waitlisted'
          and (q.created_at, q.user_id) <= (m.created_at, m.user_id)) else 0 end as position,
        exists (select 1 from ${runBookmarks} b where b.user_id = ${userId} and b.run_id = r.id) as bookmarked
      from unnest(${`{${runIds.join(',')}}`}::uuid[]) as r(id)
      left join ${runParticipants} m on m.run_id = r.id and m.user_id = ${userId}`,
    );
    const states = new Map<string, ViewerState>();
    for (const r of rows) {
      if (r.status === null && !r.bookmarked) continue;
      states.set(r.run_id, { status: r.status, position: Number(r.position), bookmarked: r.bookmarked });
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

  /** Writes changes decided on the locked row; every write to a run moves its version. */
  async update(tx: Tx, runId: string, changes: Partial<NewRun>): Promise<void> {
    await sqlOf(tx)
      .update(runs)
      .set({ ...changes, version: sql`${runs.version} + 1` })
      .where(eq(runs.id, runId));
  }
}
