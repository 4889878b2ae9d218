import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
 * A running crew (러닝크루). Its owner is the `crew_members` row with role owner (one, by a unique index). `nameKey` is the name lower-cased without spaces: names are unique by it.
 * Counters are kept in the same transaction as the rows they count. Deleted crews keep their row (runs and
 * announcements point at it) with `deletedAt` set; their name is freed by clearing `nameKey`.
 */
export const crews = pgTable(
  'crews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameKey: text('name_key'),
    description: text('description').notNull().default(''),
    /** Region codes (DOMAIN.md values), the first is the home region. */
    regions: jsonb('regions').$type<string[]>().notNull(),
    homeSpotName: text('home_spot_name').notNull(),
    homeLat: doublePrecision('home_lat').notNull(),
    homeLng: doublePrecision('home_lng').notNull(),
    /** Usual days, iCalendar codes: MO TU WE TH FR SA SU. */
    days: jsonb('days').$type<string[]>().notNull().default([]),
    /** Usual start time, "19:30" (Asia/Seoul), or null. */
    usualTime: text('usual_time'),
    paceMin: integer('pace_min'),
    paceMax: integer('pace_max'),
    /** A short level line: "초보 환영", "서브4 목표". */
    level: text('level').notNull().default(''),
    beginnerFriendly: boolean('beginner_friendly').notNull().default(false),
    logoId: uuid('logo_id').references(() => uploads.id, { onDelete: 'set null' }),
    coverId: uuid('cover_id').references(() => uploads.id, { onDelete: 'set null' }),
    /** open | approval | invite */
    joinPolicy: text('join_policy').notNull(),
    questions: jsonb('questions').$type<string[]>().notNull().default([]),
    /** Guests become members after this many attended crew runs (1–20), or never (null). */
    autoMemberAfter: integer('auto_member_after'),
    /** SHA-256 of the current invite link's secret (rotatable); null until one is made. */
    inviteTokenHash: text('invite_token_hash'),
    /** 여성 전용: only users whose profile states female may join. */
    womenOnly: boolean('women_only').notNull().default(false),
    /** Hidden by moderation; its page answers as if it did not exist, except to its members. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    memberCount: integer('member_count').notNull().default(1),
    /** Runs of the crew held in the last 30 days: the "sorted by activity" key, refreshed by a job. */
    activityScore: integer('activity_score').notNull().default(0),
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('crews_name_key').on(t.nameKey),
    check('crews_join_policy', sql`${t.joinPolicy} in ('open', 'approval', 'invite')`),
    check(
      'crews_auto_member_range',
      sql`${t.autoMemberAfter} is null or ${t.autoMemberAfter} between 1 and 20`,
    ),
    check('crews_member_count_positive', sql`${t.memberCount} >= 1`),
    index('crews_activity_idx')
      .on(t.activityScore, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('crews_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/**
 * Who belongs to a crew. status: member (role owner | staff | member) | pending (a join request, with answers)
 * | banned (may not ask again). Removed or refused users have no row (they may ask again).
 */
export const crewMembers = pgTable(
  'crew_members',
  {
    crewId: uuid('crew_id')
      .notNull()
      .references(() => crews.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    role: text('role').notNull().default('member'),
    answers: jsonb('answers').$type<string[]>().notNull().default([]),
    /** Why a ban happened (the banned user is told). */
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When the request was decided, the ban made or the role last changed. */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.crewId, t.userId] }),
    check('crew_members_status', sql`${t.status} in ('member', 'pending', 'banned')`),
    check('crew_members_role', sql`${t.role} in ('owner', 'staff', 'member')`),
    uniqueIndex('crew_members_one_owner')
      .on(t.crewId)
      .where(sql`${t.role} = 'owner'`),
    index('crew_members_status_idx').on(t.crewId, t.status, t.createdAt),
    index('crew_members_user_idx').on(t.userId, t.status),
  ],
);

/** A staff post (공지) to the crew's members; pinned ones head the crew page. */
export const crewAnnouncements = pgTable(
  'crew_announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    crewId: uuid('crew_id')
      .notNull()
      .references(() => crews.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    content: text('content').notNull(),
    pinned: boolean('pinned').notNull().default(false),
    commentCount: integer('comment_count').notNull().default(0),
    /** Hidden by moderation: shown to nobody but its author. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('crew_announcements_crew_idx')
      .on(t.crewId, t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** The secret address of a crew's calendar feed (one per crew, rotatable by staff). */
export const crewCalendarFeeds = pgTable('crew_calendar_feeds', {
  crewId: uuid('crew_id')
    .primaryKey()
    .references(() => crews.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
