import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { uploads, users } from './users.ts';

/**
 * A recommended course. Rating sum/count, bookmark and view counters and the "best" score are kept in the
 * same transaction as the rows they count, so lists sort by an indexed column instead of aggregating.
 */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    route: jsonb('route').$type<[number, number][]>().notNull(),
    /** Index of the first point of each piece after the first (a track recorded in pieces). */
    segmentStarts: jsonb('segment_starts').$type<number[]>().notNull().default([]),
    distanceKm: doublePrecision('distance_km').notNull(),
    region: text('region').notNull(),
    theme: text('theme').notNull(),
    startName: text('start_name'),
    startLat: doublePrecision('start_lat'),
    startLng: doublePrecision('start_lng'),
    paceSecPerKm: integer('pace_sec_per_km'),
    parking: text('parking'),
    baggage: text('baggage'),
    toilets: text('toilets'),
    water: text('water'),
    ratingSum: integer('rating_sum').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    bookmarkCount: integer('bookmark_count').notNull().default(0),
    views: integer('views').notNull().default(0),
    commentCount: integer('comment_count').notNull().default(0),
    bestScore: doublePrecision('best_score').notNull(),
    /** Hidden by moderation: shown to nobody but its author. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check(
      'courses_rating_consistent',
      sql`${t.ratingCount} >= 0 and ${t.ratingSum} between ${t.ratingCount} and 5 * ${t.ratingCount}`,
    ),
    index('courses_best_idx').on(t.bestScore, t.id),
    index('courses_created_idx').on(t.createdAt, t.id),
    index('courses_views_idx').on(t.views, t.id),
    index('courses_region_best_idx').on(t.region, t.bestScore),
    index('courses_author_idx').on(t.authorId, t.createdAt),
  ],
);

export const coursePhotos = pgTable(
  'course_photos',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    uploadId: uuid('upload_id')
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.uploadId] }),
    uniqueIndex('course_photos_upload_key').on(t.uploadId),
  ],
);

export const courseRatings = pgTable(
  'course_ratings',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stars: integer('stars').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId] }),
    check('course_ratings_stars_range', sql`${t.stars} between 1 and 5`),
  ],
);

export const courseBookmarks = pgTable(
  'course_bookmarks',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.courseId] }),
    index('course_bookmarks_course_idx').on(t.courseId),
  ],
);

/** One row per course, viewer and day: a view counts once per viewer per day (the primary key decides). */
export const courseViews = pgTable(
  'course_views',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    viewerKey: text('viewer_key').notNull(),
    day: date('day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.viewerKey, t.day] })],
);
