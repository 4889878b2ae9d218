import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
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
import { createdAt } from './columns.ts';
import { crews } from './crews.ts';
import { series } from './series.ts';
import { uploads, users } from './users.ts';

/** A group run. Counters are kept in the same transaction as the rows they count (seats are never oversold). */
export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hostId: uuid('host_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    meetAt: timestamp('meet_at', { withTimezone: true }),
    joinDeadline: timestamp('join_deadline', { withTimezone: true }).notNull(),
    placeName: text('place_name').notNull(),
    placeLat: doublePrecision('place_lat').notNull(),
    placeLng: doublePrecision('place_lng').notNull(),
    route: jsonb('route').$type<[number, number][]>().notNull(),
    /** Index of the first point of each piece after the first (a track recorded in pieces). */
    segmentStarts: jsonb('segment_starts').$type<number[]>().notNull().default([]),
    distanceKm: doublePrecision('distance_km').notNull(),
    capacity: integer('capacity').notNull(),
    theme: text('theme').notNull(),
    region: text('region').notNull(),
    timeOfDay: text('time_of_day').notNull(),
    paceSecPerKm: integer('pace_sec_per_km'),
    parking: text('parking'),
    baggage: text('baggage'),
    participantCount: integer('participant_count').notNull().default(1),
    waitlistCount: integer('waitlist_count').notNull().default(0),
    // Comments and replies, kept by the comments module in the same transaction.
    commentCount: integer('comment_count').notNull().default(0),
    searchText: text('search_text').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Why the host cancelled (an occurrence of a series: "비 예보"), told to its runners. */
    cancelReason: text('cancel_reason'),
    /** A crew run; null for a run of no crew. */
    crewId: uuid('crew_id').references(() => crews.id, { onDelete: 'set null' }),
    /** 여성 전용: only users whose profile states female may join. */
    womenOnly: boolean('women_only').notNull().default(false),
    /** The host's minimum attendance rate (0–100) to join; runners with no rate yet may always join. */
    minAttendanceRate: integer('min_attendance_rate'),
    /** Hidden by moderation (reports from enough people, or a moderator); shown to nobody but its host. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    /** public (anyone) | crew (members only: invisible and unjoinable for others). */
    visibility: text('visibility').notNull().default('public'),
    /** A public crew run's cap on seats for non-members (게스트); null: no cap. */
    guestSeats: integer('guest_seats'),
    /** An occurrence of a series (정기런) and its date in Asia/Seoul: unique together. */
    seriesId: uuid('series_id').references(() => series.id, { onDelete: 'set null' }),
    occurrenceDate: date('occurrence_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    // Bumped by every edit and the cancellation (not by seats): the calendar's SEQUENCE.
    version: integer('version').notNull().default(0),
  },
  (t) => [
    check('runs_capacity_range', sql`${t.capacity} between 2 and 100`),
    check('runs_seats_never_oversold', sql`${t.participantCount} between 1 and ${t.capacity}`),
    check('runs_waitlist_non_negative', sql`${t.waitlistCount} >= 0`),
    // The feed's "still open" filter relies on it: a deadline after now implies a start after now.
    check('runs_visibility', sql`${t.visibility} in ('public', 'crew')`),
    check('runs_crew_visibility', sql`${t.visibility} = 'public' or ${t.crewId} is not null`),
    check(
      'runs_min_attendance_rate_range',
      sql`${t.minAttendanceRate} is null or ${t.minAttendanceRate} between 0 and 100`,
    ),
    uniqueIndex('runs_series_occurrence_key').on(t.seriesId, t.occurrenceDate),
    index('runs_crew_starts_idx')
      .on(t.crewId, t.startsAt)
      .where(sql`${t.crewId} is not null`),
    check('runs_join_deadline_before_start', sql`${t.joinDeadline} <= ${t.startsAt}`),
    index('runs_starts_idx')
      .on(t.startsAt, t.id)
      .where(sql`${t.cancelledAt} is null`),
    index('runs_created_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.cancelledAt} is null`),
    index('runs_popular_idx')
      .on(t.participantCount, t.id)
      .where(sql`${t.cancelledAt} is null`),
    index('runs_region_starts_idx')
      .on(t.region, t.startsAt)
      .where(sql`${t.cancelledAt} is null`),
    index('runs_place_idx').on(t.placeLat, t.placeLng),
    index('runs_host_idx').on(t.hostId, t.startsAt),
    // What a signed-in reader sees beyond a guest's page (runs.queries.ts beyondGuests): the members-only runs
    // ahead, few among all runs, and a host's own members-only or hidden ones.
    index('runs_members_only_idx')
      .on(t.startsAt)
      .where(sql`${t.visibility} = 'crew' and ${t.hiddenAt} is null`),
    index('runs_host_beyond_guests_idx')
      .on(t.hostId, t.startsAt)
      .where(sql`${t.visibility} = 'crew' or ${t.hiddenAt} is not null`),
    index('runs_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const runParticipants = pgTable(
  'run_participants',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // joined | waitlisted | removed (by the host; may not join again)
    status: text('status').notNull(),
    /** The pace group the runner is seated or waiting in (a run with pace groups: everyone but the removed). */
    paceGroupId: uuid('pace_group_id').references((): AnyPgColumn => runPaceGroups.id, {
      onDelete: 'no action',
    }),
    removedReason: text('removed_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.userId] }),
    index('run_participants_queue_idx').on(t.runId, t.status, t.createdAt),
    index('run_participants_user_idx').on(t.userId),
    // Who's going on every card (issue 18): the first seated runners of a run, read from the index alone.
    index('run_participants_going_idx')
      .on(t.runId, t.createdAt, t.userId)
      .where(sql`${t.status} = 'joined'`),
    index('run_participants_group_queue_idx')
      .on(t.paceGroupId, t.status, t.createdAt)
      .where(sql`${t.paceGroupId} is not null`),
  ],
);

/**
 * A run's pace groups (DOMAIN.md "Pace groups"): 2–6 a run, distinct paces, each with its own seats (the run's
 * capacity is their sum), waitlist and optional pacer (a co-host or a participant). Seats are counted from
 * run_participants with the run's row locked, like the run's own.
 */
export const runPaceGroups = pgTable(
  'run_pace_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    /** Order on the page: fastest first. */
    position: integer('position').notNull(),
    paceSecPerKm: integer('pace_sec_per_km').notNull(),
    capacity: integer('capacity').notNull(),
    pacerId: uuid('pacer_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('run_pace_groups_pace_key').on(t.runId, t.paceSecPerKm),
    index('run_pace_groups_run_idx').on(t.runId, t.position),
    check('run_pace_groups_capacity_min', sql`${t.capacity} >= 2`),
  ],
);

export const runPhotos = pgTable(
  'run_photos',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    uploadId: uuid('upload_id')
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.uploadId] }),
    uniqueIndex('run_photos_upload_key').on(t.uploadId),
  ],
);

export const runBookmarks = pgTable(
  'run_bookmarks',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.runId] }), index('run_bookmarks_run_idx').on(t.runId)],
);

/** A run's co-hosts (≤ 5): they hold seats, edit, message, remove participants and take attendance. */
export const runCohosts = pgTable(
  'run_cohosts',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.userId] }), index('run_cohosts_user_idx').on(t.userId)],
);
