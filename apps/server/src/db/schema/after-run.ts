import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { runs } from './runs.ts';
import { users } from './users.ts';

/** The host's record of who came. One row per participant; editing replaces the value, never adds a row. */
export const attendance = pgTable(
  'attendance',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.userId] }), index('attendance_user_idx').on(t.userId)],
);

/** A present participant's review of the host: once per run and reviewer (the primary key decides). */
export const hostReviews = pgTable(
  'host_reviews',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    hostId: uuid('host_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    positive: boolean('positive').notNull(),
    categories: text('categories').array().notNull(),
    note: text('note'),
    /**
     * Whether the review moves the host's score: decided once, when it is written, by whether its author had
     * then been marked present at a run of another host (DOMAIN: review farming with fresh accounts must not
     * pay). A withheld review is still stored and shown; it never starts counting later.
     */
    movesScore: boolean('moves_score').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.reviewerId] }),
    index('host_reviews_host_idx').on(t.hostId, t.createdAt),
    check('host_reviews_has_category', sql`cardinality(${t.categories}) > 0`),
  ],
);
