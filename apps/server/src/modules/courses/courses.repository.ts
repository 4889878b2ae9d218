import { and, desc, eq, getTableColumns, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { isForeignKeyViolation } from '../../lib/errors.ts';
import {
  courseBookmarks,
  coursePhotos,
  courseRatings,
  courses,
  courseViews,
  users,
} from '../../db/tables.ts';
import { type DbTx, sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export type CourseRow = typeof courses.$inferSelect;
export type NewCourse = Omit<typeof courses.$inferInsert, 'id'>;
export type AuthorRow = Pick<
  typeof users.$inferSelect,
  'id' | 'nickname' | 'bio' | 'runningLevel' | 'avatarId' | 'goodRunnerScore'
>;
export type CourseWithAuthor = CourseRow & { author: AuthorRow };
export type CourseSort = 'best' | 'newest' | 'views';

const authorColumns = {
  id: users.id,
  nickname: users.nickname,
  bio: users.bio,
  runningLevel: users.runningLevel,
  avatarId: users.avatarId,
  goodRunnerScore: users.goodRunnerScore,
};

// A card needs no route (up to 5,000 points): it is read for the course page only.
const { route: _route, ...cardColumns } = getTableColumns(courses);

export type CourseCardRow = Omit<CourseRow, 'route'>;
export type CourseCard = CourseCardRow & {
  author: AuthorRow;
  photoIds: string[];
  /** The caller's rating and bookmark; undefined for a guest. */
  viewer: { rating: number | null; bookmarked: boolean } | undefined;
};
export type CoursePageRow = CourseCard & { route: [number, number][]; histogram: number[] };

const photoIds = sql<string[]>`coalesce((select array_agg(p.upload_id::text order by p.position)
  from ${coursePhotos} p where p.course_id = ${courses.id}), '{}'::text[])`;

/** How many ratings gave 1…5 stars, from the course's ratings (the primary key's index). */
const histogram = sql<(number | string)[]>`(select array[
    count(*) filter (where r.stars = 1), count(*) filter (where r.stars = 2), count(*) filter (where r.stars = 3),
    count(*) filter (where r.stars = 4), count(*) filter (where r.stars = 5)]::int[]
  from ${courseRatings} r where r.course_id = ${courses.id})`;

function viewerColumns(viewerId: string) {
  return {
    myRating: sql<number | null>`(select r.stars from ${courseRatings} r
      where r.course_id = ${courses.id} and r.user_id = ${viewerId})`,
    bookmarked: sql<boolean>`exists (select 1 from ${courseBookmarks} b
      where b.user_id = ${viewerId} and b.course_id = ${courses.id})`,
  };
}

function toCard(
  row: {
    course: CourseCardRow;
    author: AuthorRow;
    photoIds: string[];
    myRating?: number | null;
    bookmarked?: boolean;
  },
  viewerId: string | null,
): CourseCard {
  const viewer = viewerId ? { rating: row.myRating ?? null, bookmarked: row.bookmarked ?? false } : undefined;
  return { ...row.course, author: row.author, photoIds: row.photoIds, viewer };
}

/** The "best" score as SQL over the row's own counters (the same formula as bestScore in the contracts). */
const bestScoreSql = (
  prior: number,
  weight: number,
  bookmarkWeight: number,
  viewWeight: number,
  views: SQL | typeof courses.views = courses.views,
) =>
  sql`(${prior}::float8 * ${weight}::float8 + ${courses.ratingSum}) / (${weight}::float8 + ${courses.ratingCount})
    + ${bookmarkWeight}::float8 * log((1 + ${courses.bookmarkCount})::float8)
    + ${viewWeight}::float8 * log((1 + ${views})::float8)`;

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

  async create(tx: Tx, values: NewCourse): Promise<CourseRow> {
    const [row] = await sqlOf(tx).insert(courses).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async update(tx: Tx, id: string, changes: Partial<NewCourse>): Promise<void> {
    await sqlOf(tx).update(courses).set(changes).where(eq(courses.id, id));
  }

  /** Deletes the course; its photos' uploads go with it, and their ids are returned so files can follow. */
  async delete(tx: Tx, id: string): Promise<string[]> {
    const db = sqlOf(tx);
    const photos = await db
      .select({ id: coursePhotos.uploadId })
      .from(coursePhotos)
      .where(eq(coursePhotos.courseId, id));
    await db.delete(courses).where(eq(courses.id, id));
    return photos.map((p) => p.id);
  }

  async replacePhotos(tx: Tx, courseId: string, photoIds: string[]): Promise<void> {
    const db = sqlOf(tx);
    await db.delete(coursePhotos).where(eq(coursePhotos.courseId, courseId));
    if (photoIds.length > 0) {
      await db
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

  /**
   * A page of the feed in ONE statement whatever its size: photos and the caller's rating and bookmark come
   * from correlated subqueries, evaluated only for the rows returned. Each sort walks its index
   * (courses_best_idx, courses_created_idx, courses_views_idx) from the top: nothing is ranked per request.
   */
  async list(
    filter: { regions?: string[]; themes?: string[]; authorId?: string; bookmarkedBy?: string },
    sort: CourseSort,
    cursor: [number | string, string] | undefined,
    limit: number,
    viewerId: string | null,
  ): Promise<CourseCard[]> {
    // Hidden by reports (ADR 019): until a moderator decides, only its author still finds it.
    const conditions: SQL[] = [
      viewerId === null
        ? isNull(courses.hiddenAt)
        : (or(isNull(courses.hiddenAt), eq(courses.authorId, viewerId)) as SQL),
    ];
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
      .select({
        course: cardColumns,
        author: authorColumns,
        photoIds,
        ...(viewerId ? viewerColumns(viewerId) : {}),
      })
      .from(courses)
      .innerJoin(users, eq(users.id, courses.authorId))
      .where(and(...conditions))
      .orderBy(desc(key), desc(courses.id))
      .limit(limit);
    return rows.map((r) => toCard(r, viewerId));
  }

  /** The course page in ONE statement: the course, its author, photos, rating histogram and the caller's state. */
  /** The caller's own rating and bookmark on these courses, in one statement (ADR 006); others left out. */
  async viewerStates(
    userId: string,
    courseIds: string[],
  ): Promise<Map<string, { rating: number | null; bookmarked: boolean }>> {
    if (courseIds.length === 0) return new Map();
    const rows = await rawRows<{ course_id: string; rating: number | null; bookmarked: boolean }>(
      this.db,
      sql`
      select c.id as course_id,
        (select r.stars from ${courseRatings} r where r.course_id = c.id and r.user_id = ${userId}) as rating,
        exists (select 1 from ${courseBookmarks} b where b.user_id = ${userId} and b.course_id = c.id)
          as bookmarked
      from unnest(${`{${courseIds.join(',')}}`}::uuid[]) as c(id)`,
    );
    const states = new Map<string, { rating: number | null; bookmarked: boolean }>();
    for (const r of rows) {
      if (r.rating === null && !r.bookmarked) continue;
      states.set(r.course_id, {
        rating: r.rating === null ? null : Number(r.rating),
        bookmarked: r.bookmarked,
      });
    }
    return states;
  }

  async findPage(id: string, viewerId: string | null): Promise<CoursePageRow | undefined> {
    const [row] = await this.db
      .select({
        course: cardColumns,
        route: courses.route,
        author: authorColumns,
        photoIds,
        histogram,
        ...(viewerId ? viewerColumns(viewerId) : {}),
      })
      .from(courses)
      .innerJoin(users, eq(users.id, courses.authorId))
      .where(eq(courses.id, id));
    if (!row) return undefined;
    return { ...toCard(row, viewerId), route: row.route, histogram: row.histogram.map(Number) };
  }

  /** Hidden by reports (the reports module asks, in its unit of work); a hidden course stays as it was. */
  /** Hides it (at) or shows it again (null); a no-op when it already is so. */
  async setHidden(tx: Tx, id: string, at: Date | null): Promise<void> {
    await sqlOf(tx)
      .update(courses)
      .set({ hiddenAt: at })
      .where(and(eq(courses.id, id), at ? isNull(courses.hiddenAt) : isNotNull(courses.hiddenAt)));
  }

  /** The course's row, locked until the unit of work ends: concurrent ratings queue up. */
  async lock(tx: Tx, courseId: string): Promise<CourseRow | undefined> {
    const [course] = await sqlOf(tx).select().from(courses).where(eq(courses.id, courseId)).for('update');
    return course;
  }

  /**
   * Upserts the user's rating and moves the course's sum and count by the difference (the course locked by
   * the caller, so the average stays exact); returns the new sum and count.
   */
  async rate(tx: Tx, courseId: string, userId: string, stars: number) {
    const db = sqlOf(tx);
    const [previous] = await db
      .select({ stars: courseRatings.stars })
      .from(courseRatings)
      .where(and(eq(courseRatings.courseId, courseId), eq(courseRatings.userId, userId)));
    await db
      .insert(courseRatings)
      .values({ courseId, userId, stars })
      .onConflictDoUpdate({
        target: [courseRatings.courseId, courseRatings.userId],
        set: { stars, updatedAt: new Date() },
      });
    const [updated] = await db
      .update(courses)
      .set({
        ratingSum: sql`${courses.ratingSum} + ${stars - (previous?.stars ?? 0)}`,
        ratingCount: sql`${courses.ratingCount} + ${previous ? 0 : 1}`,
      })
      .where(eq(courses.id, courseId))
      .returning({ sum: courses.ratingSum, count: courses.ratingCount });
    await this.rescore(db, courseId);
    if (!updated) throw new Error('update returned no row');
    return updated;
  }

  /** Adds or removes a bookmark and keeps the counter and score in step; a repeat is a no-op. */
  async setBookmark(tx: Tx, userId: string, courseId: string, on: boolean): Promise<void> {
    const db = sqlOf(tx);
    const changed = on
      ? await db.insert(courseBookmarks).values({ userId, courseId }).onConflictDoNothing().returning()
      : await db
          .delete(courseBookmarks)
          .where(and(eq(courseBookmarks.userId, userId), eq(courseBookmarks.courseId, courseId)))
          .returning();
    if (changed.length === 0) return;
    await db
      .update(courses)
      .set({ bookmarkCount: sql`${courses.bookmarkCount} + ${on ? 1 : -1}` })
      .where(eq(courses.id, courseId));
    await this.rescore(db, courseId);
  }

  private async rescore(db: DbTx, courseId: string): Promise<void> {
    await db.update(courses).set({ bestScore: this.bestScore }).where(eq(courses.id, courseId));
  }

  /**
   * Counts a view once per viewer and day: the primary key on (course, viewer, day) decides, atomically, and
   * the counter and score move in the same statement. True when this call counted it; false for a repeat or
   * a course that is not (or no longer) there.
   */
  async countView(courseId: string, viewerKey: string, day: string): Promise<boolean> {
    const s = this.score;
    const views = sql`${courses.views} + 1`;
    try {
      const rows = await rawRows<{ id: string }>(
        this.db,
        sql`with counted as (
            insert into ${courseViews} (course_id, viewer_key, day)
            select ${courseId}, ${viewerKey}, ${day}
            where exists (select 1 from ${courses} where ${courses.id} = ${courseId})
            on conflict do nothing
            returning course_id
          )
          update ${courses} set views = ${views},
            best_score = ${bestScoreSql(s.prior, s.priorWeight, s.bookmarkWeight, s.viewWeight, views)}
          where ${courses.id} in (select course_id from counted)
          returning ${courses.id}`,
      );
      return rows.length > 0;
    } catch (error) {
      // Deleted between the check and the insert.
      if (isForeignKeyViolation(error)) return false;
      throw error;
    }
  }

  initialScoreSql() {
    return this.bestScore;
  }
}
