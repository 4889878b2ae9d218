import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  courseBookmarks,
  coursePhotos,
  courseRatings,
  courses,
  courseViews,
} from '../../db/schema-courses.ts';
import { users } from '../../db/schema.ts';

export type CourseRow = typeof courses.$inferSelect;
export type NewCourse = Omit<typeof courses.$inferInsert, 'id'>;
export type AuthorRow = Pick<
  typeof users.$inferSelect,
  'id' | 'nickname' | 'bio' | 'runningLevel' | 'avatarId' | 'goodRunnerScore'
>;
export type CourseWithAuthor = CourseRow & { author: AuthorRow };
export type CourseSort = 'best' | 'newest' | 'views';
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const authorColumns = {
  id: users.id,
  nickname: users.nickname,
  bio: users.bio,
  runningLevel: users.runningLevel,
  avatarId: users.avatarId,
  goodRunnerScore: users.goodRunnerScore,
};

/** The "best" score as SQL over the row's own counters (the same formula as bestScore in the contracts). */
const bestScoreSql = (prior: number, weight: number, bookmarkWeight: number, viewWeight: number) =>
  sql`(${prior}::float8 * ${weight}::float8 + ${courses.ratingSum}) / (${weight}::float8 + ${courses.ratingCount})
    + ${bookmarkWeight}::float8 * log((1 + ${courses.bookmarkCount})::float8)
    + ${viewWeight}::float8 * log((1 + ${courses.views})::float8)`;

export class CoursesRepository {
  constructor(
    private readonly db: Db,
    private readonly score: {
      prior: number;
      priorWeight: number;
      bookmarkWeight: number;
      viewWeight: number;
    },
  ) {}

  private get bestScore() {
    const s = this.score;
    return bestScoreSql(s.prior, s.priorWeight, s.bookmarkWeight, s.viewWeight);
  }

  async create(values: NewCourse, photoIds: string[]): Promise<CourseRow> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(courses).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      await this.replacePhotos(tx, row.id, photoIds);
      return row;
    });
  }

  async update(id: string, changes: Partial<NewCourse>, photoIds: string[] | undefined): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(courses).set(changes).where(eq(courses.id, id));
      if (photoIds) await this.replacePhotos(tx, id, photoIds);
    });
  }

  /** Deletes the course; its photos' uploads go with it, and their ids are returned so files can follow. */
  async delete(id: string): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const photos = await tx
        .select({ id: coursePhotos.uploadId })
        .from(coursePhotos)
        .where(eq(coursePhotos.courseId, id));
      await tx.delete(courses).where(eq(courses.id, id));
      return photos.map((p) => p.id);
    });
  }

  private async replacePhotos(tx: Tx, courseId: string, photoIds: string[]): Promise<void> {
    await tx.delete(coursePhotos).where(eq(coursePhotos.courseId, courseId));
    if (photoIds.length > 0) {
      await tx
        .insert(coursePhotos)
        .values(photoIds.map((uploadId, position) => ({ courseId, uploadId, position })));
    }
  }

  async findWithAuthor(id: string): Promise<CourseWithAuthor | undefined> {
    const [row] = await this.db
      .select({ course: courses, author: authorColumns })
      .from(courses)
      .innerJoin(users, eq(users.id, courses.authorId))
      .where(eq(courses.id, id));
    return row ? { ...row.course, author: row.author } : undefined;
  }

  async list(
    filter: { regions?: string[]; themes?: string[]; authorId?: string; bookmarkedBy?: string },
    sort: CourseSort,
    cursor: [number | string, string] | undefined,
    limit: number,
  ): Promise<CourseWithAuthor[]> {
    const conditions: SQL[] = [];
    if (filter.regions?.length) conditions.push(inArray(courses.region, filter.regions));
    if (filter.themes?.length) conditions.push(inArray(courses.theme, filter.themes));
    if (filter.authorId) conditions.push(eq(courses.authorId, filter.authorId));
    if (filter.bookmarkedBy) {
      conditions.push(
        sql`exists (select 1 from ${courseBookmarks} b where b.course_id = ${courses.id} and b.user_id = ${filter.bookmarkedBy})`,
      );
    }
    const key = sort === 'best' ? courses.bestScore : sort === 'views' ? courses.views : courses.createdAt;
    if (cursor) {
      const value = sort === 'newest' ? new Date(cursor[0]) : Number(cursor[0]);
      conditions.push(sql`(${key}, ${courses.id}) < (${value}, ${cursor[1]})`);
    }
    const rows = await this.db
      .select({ course: courses, author: authorColumns })
      .from(courses)
      .innerJoin(users, eq(users.id, courses.authorId))
      .where(and(...conditions))
      .orderBy(desc(key), desc(courses.id))
      .limit(limit);
    return rows.map((r) => ({ ...r.course, author: r.author }));
  }

  async photoIdsOf(courseIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (courseIds.length === 0) return map;
    const rows = await this.db
      .select()
      .from(coursePhotos)
      .where(inArray(coursePhotos.courseId, courseIds))
      .orderBy(asc(coursePhotos.courseId), asc(coursePhotos.position));
    for (const row of rows) map.set(row.courseId, [...(map.get(row.courseId) ?? []), row.uploadId]);
    return map;
  }

  /** The caller's rating and bookmark on each course of a page: two queries whatever the page size. */
  async viewerStateOf(userId: string, courseIds: string[]) {
    const map = new Map<string, { rating: number | null; bookmarked: boolean }>();
    if (courseIds.length === 0) return map;
    const [ratings, bookmarks] = await Promise.all([
      this.db
        .select({ courseId: courseRatings.courseId, stars: courseRatings.stars })
        .from(courseRatings)
        .where(and(eq(courseRatings.userId, userId), inArray(courseRatings.courseId, courseIds))),
      this.db
        .select({ courseId: courseBookmarks.courseId })
        .from(courseBookmarks)
        .where(and(eq(courseBookmarks.userId, userId), inArray(courseBookmarks.courseId, courseIds))),
    ]);
    const rated = new Map(ratings.map((r) => [r.courseId, r.stars]));
    const saved = new Set(bookmarks.map((b) => b.courseId));
    for (const id of courseIds) map.set(id, { rating: rated.get(id) ?? null, bookmarked: saved.has(id) });
    return map;
  }

  async histogramOf(courseId: string): Promise<number[]> {
    const rows = await this.db
      .select({ stars: courseRatings.stars, n: sql<number>`count(*)::int` })
      .from(courseRatings)
      .where(eq(courseRatings.courseId, courseId))
      .groupBy(courseRatings.stars);
    const histogram = [0, 0, 0, 0, 0];
    for (const row of rows) histogram[row.stars - 1] = Number(row.n);
    return histogram;
  }

  /**
   * Upserts the user's rating and moves the course's sum and count by the difference, with the course row
   * locked: concurrent ratings queue up and the average stays exact.
   */
  async rate(courseId: string, userId: string, stars: number, guard: (course: CourseRow) => void) {
    return this.db.transaction(async (tx) => {
      const [course] = await tx.select().from(courses).where(eq(courses.id, courseId)).for('update');
      if (!course) return undefined;
      guard(course);
      const [previous] = await tx
        .select({ stars: courseRatings.stars })
        .from(courseRatings)
        .where(and(eq(courseRatings.courseId, courseId), eq(courseRatings.userId, userId)));
      await tx
        .insert(courseRatings)
        .values({ courseId, userId, stars })
        .onConflictDoUpdate({
          target: [courseRatings.courseId, courseRatings.userId],
          set: { stars, updatedAt: new Date() },
        });
      const [updated] = await tx
        .update(courses)
        .set({
          ratingSum: sql`${courses.ratingSum} + ${stars - (previous?.stars ?? 0)}`,
          ratingCount: sql`${courses.ratingCount} + ${previous ? 0 : 1}`,
        })
        .where(eq(courses.id, courseId))
        .returning({ sum: courses.ratingSum, count: courses.ratingCount });
      await tx.update(courses).set({ bestScore: this.bestScore }).where(eq(courses.id, courseId));
      return updated;
    });
  }

  /** Adds or removes a bookmark and keeps the counter and score in step; a repeat is a no-op. */
  async setBookmark(userId: string, courseId: string, on: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      const changed = on
        ? await tx.insert(courseBookmarks).values({ userId, courseId }).onConflictDoNothing().returning()
        : await tx
            .delete(courseBookmarks)
            .where(and(eq(courseBookmarks.userId, userId), eq(courseBookmarks.courseId, courseId)))
            .returning();
      if (changed.length === 0) return;
      await tx
        .update(courses)
        .set({ bookmarkCount: sql`${courses.bookmarkCount} + ${on ? 1 : -1}` })
        .where(eq(courses.id, courseId));
      await tx.update(courses).set({ bestScore: this.bestScore }).where(eq(courses.id, courseId));
    });
  }

  /**
   * Counts a view once per viewer and day: the primary key on (course, viewer, day) decides, atomically.
   * True when this call counted it.
   */
  async countView(courseId: string, viewerKey: string, day: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(courseViews)
        .values({ courseId, viewerKey, day })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) return false;
      await tx
        .update(courses)
        .set({ views: sql`${courses.views} + 1` })
        .where(eq(courses.id, courseId));
      await tx.update(courses).set({ bestScore: this.bestScore }).where(eq(courses.id, courseId));
      return true;
    });
  }

  initialScoreSql() {
    return this.bestScore;
  }
}
