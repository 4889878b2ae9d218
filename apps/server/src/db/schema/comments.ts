import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { courses } from './courses.ts';
import { crewAnnouncements } from './crews.ts';
import { runs } from './runs.ts';
import { users } from './users.ts';

/** Comments under runs (Q&A), courses (reviews) and crew announcements; replies point at a top-level comment. */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'cascade' }),
    announcementId: uuid('announcement_id').references(() => crewAnnouncements.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    replyCount: integer('reply_count').notNull().default(0),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Hidden by moderation: shown folded ("숨겨진 댓글") to everyone but its author. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('comments_one_target', sql`num_nonnulls(${t.runId}, ${t.courseId}, ${t.announcementId}) = 1`),
    index('comments_run_idx')
      .on(t.runId, t.createdAt, t.id)
      .where(sql`${t.parentId} is null`),
    index('comments_course_idx')
      .on(t.courseId, t.createdAt, t.id)
      .where(sql`${t.parentId} is null`),
    index('comments_announcement_idx')
      .on(t.announcementId, t.createdAt, t.id)
      .where(sql`${t.parentId} is null and ${t.announcementId} is not null`),
    index('comments_parent_idx').on(t.parentId, t.createdAt, t.id),
  ],
);
