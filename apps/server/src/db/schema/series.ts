import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { crews } from './crews.ts';
import { users } from './users.ts';

/**
 * A recurring run (정기런): the template every occurrence is made from and its schedule. Occurrences are rows of
 * `runs` (series_id, occurrence_date), unique together, opened for a rolling window by a job.
 */
export const series = pgTable(
  'series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hostId: uuid('host_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    crewId: uuid('crew_id').references(() => crews.id, { onDelete: 'set null' }),
    /** The run fields every occurrence copies (title, place, route, capacity, durations…), owned by series. */
    template: jsonb('template').$type<Record<string, unknown>>().notNull(),
    /** weekly | monthly */
    freq: text('freq').notNull(),
    interval: integer('interval').notNull().default(1),
    /** iCalendar day codes: MO … SU. */
    byDay: jsonb('by_day').$type<string[]>().notNull(),
    /** Monthly: 1–4 or -1 (last) given weekday; null for weekly. */
    bySetPos: integer('by_set_pos'),
    /** "19:30", Asia/Seoul. */
    time: text('time').notNull(),
    fromDate: date('from_date').notNull(),
    untilDate: date('until_date'),
    count: integer('count'),
    /** The last date occurrences were opened through (the window job's progress; informative). */
    openedThrough: date('opened_through'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('series_freq', sql`${t.freq} in ('weekly', 'monthly')`),
    check('series_count_range', sql`${t.count} is null or ${t.count} between 1 and 104`),
    index('series_open_idx')
      .on(t.id)
      .where(sql`${t.endedAt} is null`),
    index('series_crew_idx').on(t.crewId),
  ],
);
