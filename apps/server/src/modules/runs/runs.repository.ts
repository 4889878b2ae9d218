import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { audienceOf, promoteWaitlisted, RunMissing } from './participation.repository.ts';
import { notifications, runBookmarks, runParticipants, runPhotos, runs, users } from '../../db/schema.ts';

export type RunRow = typeof runs.$inferSelect;
export type NewRun = Omit<typeof runs.$inferInsert, 'id'>;
export type HostRow = Pick<
  typeof users.$inferSelect,
  'id' | 'nickname' | 'bio' | 'runningLevel' | 'avatarId' | 'goodRunnerScore' | 'runsHosted'
>;
export type RunWithHost = RunRow & { host: HostRow };
export type NewNotification = typeof notifications.$inferInsert;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const hostColumns = {
  id: users.id,
  nickname: users.nickname,
  bio: users.bio,
  runningLevel: users.runningLevel,
  avatarId: users.avatarId,
  goodRunnerScore: users.goodRunnerScore,
  runsHosted: users.runsHosted,
};

export interface RunFilter {
  regions?: string[];
  themes?: string[];
  timesOfDay?: string[];
  /** Union of [min, max) ranges in km. */
  distanceRanges?: [number, number][];
  from?: Date;
  to?: Date;
  keyword?: string;
  /** Bounding box of the near-me circle; the exact radius is checked with haversine. */
  near?: { lat: number; lng: number; radiusKm: number };
  openAfter?: Date;
  hostId?: string;
}

export type RunSort = 'soonest' | 'newest' | 'popular';
export type Cursor = [string | number, string];

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export class RunsRepository {
  constructor(private readonly db: Db) {}

  /** The run, its host as participant #1, its photos and the host's counter: all or nothing. */
  async create(values: NewRun, photoIds: string[]): Promise<RunRow> {
    return this.db.transaction(async (tx) => {
      const [run] = await tx.insert(runs).values(values).returning();
      if (!run) throw new Error('insert returned no row');
      await tx
        .insert(runParticipants)
        .values({ runId: run.id, userId: run.hostId, status: 'joined', createdAt: values.createdAt });
      await this.replacePhotos(tx, run.id, photoIds);
      await tx
        .update(users)
        .set({ runsHosted: sql`${users.runsHosted} + 1` })
        .where(eq(users.id, run.hostId));
      return run;
    });
  }

  async replacePhotos(tx: Tx, runId: string, photoIds: string[]): Promise<void> {
    await tx.delete(runPhotos).where(eq(runPhotos.runId, runId));
    if (photoIds.length > 0) {
      await tx
        .insert(runPhotos)
        .values(photoIds.map((uploadId, position) => ({ runId, uploadId, position })));
    }
  }

  async findWithHost(id: string): Promise<RunWithHost | undefined> {
    const [row] = await this.db
      .select({ run: runs, host: hostColumns })
      .from(runs)
      .innerJoin(users, eq(users.id, runs.hostId))
      .where(eq(runs.id, id));
    return row ? { ...row.run, host: row.host } : undefined;
  }

  /** One query for a page, whatever its size; the caller's statuses and photos come in one query each. */
  async list(
    filter: RunFilter,
    sort: RunSort,
    cursor: Cursor | undefined,
    limit: number,
  ): Promise<RunWithHost[]> {
    const conditions = [isNull(runs.cancelledAt), ...this.filterConditions(filter)];
    if (cursor) conditions.push(this.after(sort, cursor));
    const rows = await this.db
      .select({ run: runs, host: hostColumns })
      .from(runs)
      .innerJoin(users, eq(users.id, runs.hostId))
      .where(and(...conditions))
      .orderBy(...this.order(sort))
      .limit(limit);
    return rows.map((r) => ({ ...r.run, host: r.host }));
  }

  private filterConditions(f: RunFilter): SQL[] {
    const c: SQL[] = [];
    if (f.regions?.length) c.push(inArray(runs.region, f.regions));
    if (f.themes?.length) c.push(inArray(runs.theme, f.themes));
    if (f.timesOfDay?.length) c.push(inArray(runs.timeOfDay, f.timesOfDay));
    if (f.distanceRanges?.length) {
      const ranges = f.distanceRanges.map(([min, max]) =>
        and(gte(runs.distanceKm, min), lt(runs.distanceKm, max)),
      );
      c.push(or(...ranges) as SQL);
    }
    if (f.from) c.push(gte(runs.startsAt, f.from));
    if (f.to) c.push(lt(runs.startsAt, f.to));
    if (f.openAfter) c.push(gt(runs.joinDeadline, f.openAfter));
    if (f.hostId) c.push(eq(runs.hostId, f.hostId));
    if (f.keyword) c.push(sql`${runs.searchText} like ${`%${escapeLike(f.keyword.toLowerCase())}%`}`);
    if (f.near) c.push(...nearConditions(f.near));
    return c;
  }

  private order(sort: RunSort) {
    if (sort === 'newest') return [desc(runs.createdAt), desc(runs.id)];
    if (sort === 'popular') return [desc(runs.participantCount), desc(runs.id)];
    return [asc(runs.startsAt), asc(runs.id)];
  }

  private after(sort: RunSort, [value, id]: Cursor): SQL {
    if (sort === 'newest') return sql`(${runs.createdAt}, ${runs.id}) < (${new Date(value)}, ${id})`;
    if (sort === 'popular') return sql`(${runs.participantCount}, ${runs.id}) < (${Number(value)}, ${id})`;
    return sql`(${runs.startsAt}, ${runs.id}) > (${new Date(value)}, ${id})`;
  }

  async photoIdsOf(runIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (runIds.length === 0) return map;
    const rows = await this.db
      .select()
      .from(runPhotos)
      .where(inArray(runPhotos.runId, runIds))
      .orderBy(asc(runPhotos.runId), asc(runPhotos.position));
    for (const row of rows) map.set(row.runId, [...(map.get(row.runId) ?? []), row.uploadId]);
    return map;
  }

  /** The caller's place in each run (status, waitlist position) and bookmarks: two queries for any page. */
  async viewerStateOf(userId: string, runIds: string[]) {
    const map = new Map<string, { status: string | null; position: number | null; bookmarked: boolean }>();
    if (runIds.length === 0) return map;
    const queue = sql`(select count(*)::int from ${runParticipants} q
      where q.run_id = ${runParticipants.runId} and q.status = 'waitlisted'
      and (q.created_at, q.user_id) <= (${runParticipants.createdAt}, ${runParticipants.userId}))`;
    const [statuses, bookmarks] = await Promise.all([
      this.db
        .select({
          runId: runParticipants.runId,
          status: runParticipants.status,
          position: queue.mapWith(Number),
        })
        .from(runParticipants)
        .where(and(eq(runParticipants.userId, userId), inArray(runParticipants.runId, runIds))),
      this.db
        .select({ runId: runBookmarks.runId })
        .from(runBookmarks)
        .where(and(eq(runBookmarks.userId, userId), inArray(runBookmarks.runId, runIds))),
    ]);
    const bookmarked = new Set(bookmarks.map((b) => b.runId));
    for (const id of runIds) map.set(id, { status: null, position: null, bookmarked: bookmarked.has(id) });
    for (const s of statuses) {
      map.set(s.runId, {
        status: s.status,
        position: s.status === 'waitlisted' ? s.position : null,
        bookmarked: bookmarked.has(s.runId),
      });
    }
    return map;
  }

  async participantsOf(runId: string) {
    return this.db
      .select({
        id: users.id,
        nickname: users.nickname,
        avatarId: users.avatarId,
        runningLevel: users.runningLevel,
      })
      .from(runParticipants)
      .innerJoin(users, eq(users.id, runParticipants.userId))
      .where(and(eq(runParticipants.runId, runId), eq(runParticipants.status, 'joined')))
      .orderBy(asc(runParticipants.createdAt), asc(runParticipants.userId));
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

  /** Applies an edit decided on the locked row; raised capacity lets the head of the waitlist in. */
  async update(
    runId: string,
    decide: (run: RunRow) => { changes: Partial<NewRun>; photoIds: string[] | undefined },
    notices: (run: RunRow, audience: string[], promoted: string[]) => NewNotification[],
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [run] = await tx.select().from(runs).where(eq(runs.id, runId)).for('update');
      if (!run) throw new RunMissing();
      const { changes, photoIds } = decide(run);
      const capacity = changes.capacity ?? run.capacity;
      const promoted = await promoteWaitlisted(
        tx,
        run,
        Math.min(capacity - run.participantCount, run.waitlistCount),
      );
      const audience = await audienceOf(tx, run);
      await tx
        .update(runs)
        .set({
          ...changes,
          participantCount: run.participantCount + promoted.length,
          waitlistCount: run.waitlistCount - promoted.length,
        })
        .where(eq(runs.id, runId));
      if (photoIds) await this.replacePhotos(tx, runId, photoIds);
      const rows = notices(run, audience, promoted);
      if (rows.length > 0) await tx.insert(notifications).values(rows);
    });
  }

  /** Cancels on the locked row and tells everyone who was in or waiting. */
  async cancel(
    runId: string,
    guard: (run: RunRow) => void,
    now: Date,
    notices: (run: RunRow, audience: string[]) => NewNotification[],
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [run] = await tx.select().from(runs).where(eq(runs.id, runId)).for('update');
      if (!run) throw new RunMissing();
      guard(run);
      await tx.update(runs).set({ cancelledAt: now, updatedAt: now }).where(eq(runs.id, runId));
      await tx
        .update(users)
        .set({ runsHosted: sql`greatest(${users.runsHosted} - 1, 0)` })
        .where(eq(users.id, run.hostId));
      const rows = notices(run, await audienceOf(tx, run));
      if (rows.length > 0) await tx.insert(notifications).values(rows);
    });
  }
}

/** A bounding box the (lat, lng) index can use, then the exact great-circle distance. */
function nearConditions({ lat, lng, radiusKm }: { lat: number; lng: number; radiusKm: number }): SQL[] {
  const dLat = radiusKm / 111.32;
  const dLng = radiusKm / (111.32 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  return [
    sql`${runs.placeLat} between ${lat - dLat} and ${lat + dLat}`,
    sql`${runs.placeLng} between ${lng - dLng} and ${lng + dLng}`,
    sql`2 * 6371.0088 * asin(least(1, sqrt(
      power(sin(radians(${runs.placeLat} - ${lat}) / 2), 2) +
      cos(radians(${lat})) * cos(radians(${runs.placeLat})) * power(sin(radians(${runs.placeLng} - ${lng}) / 2), 2)
    ))) <= ${radiusKm}`,
  ];
}
