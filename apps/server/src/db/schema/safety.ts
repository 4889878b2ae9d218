import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { crews } from './crews.ts';
import { runs } from './runs.ts';
import { users } from './users.ts';

/**
 * The trust layer (DOMAIN.md "Safety and reliability"): reports, blocks, the moderation audit log, attendance
 * disputes, late cancellations and seat offers. Hidden content carries `hidden_at` on its own table.
 */

/**
 * A user's report of a user or of content. One open report per reporter and target (the partial unique index
 * decides). `subjectId` is whose content it is (the reported user for a user report): the user's history.
 * `crewId` is set when the content lives in a crew (its staff moderate it there).
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** user | run | course | comment | chat_message | crew | announcement */
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    subjectId: uuid('subject_id').references(() => users.id, { onDelete: 'set null' }),
    crewId: uuid('crew_id').references(() => crews.id, { onDelete: 'set null' }),
    /** spam | harassment | sexual | unsafe | impersonation | other */
    reason: text('reason').notNull(),
    note: text('note'),
    /** open | dismissed | actioned */
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    check(
      'reports_target_type',
      sql`${t.targetType} in ('user', 'run', 'course', 'comment', 'chat_message', 'crew', 'announcement')`,
    ),
    check(
      'reports_reason',
      sql`${t.reason} in ('spam', 'harassment', 'sexual', 'unsafe', 'impersonation', 'other')`,
    ),
    check('reports_status', sql`${t.status} in ('open', 'dismissed', 'actioned')`),
    uniqueIndex('reports_one_open_key')
      .on(t.reporterId, t.targetType, t.targetId)
      .where(sql`${t.status} = 'open'`),
    index('reports_target_idx').on(t.targetType, t.targetId, t.status),
    index('reports_queue_idx').on(t.status, t.createdAt),
    index('reports_subject_idx').on(t.subjectId, t.createdAt),
    index('reports_crew_idx')
      .on(t.crewId, t.status, t.createdAt)
      .where(sql`${t.crewId} is not null`),
  ],
);

/** One-way, silent: the blocker no longer meets the blocked user (DOMAIN.md). */
export const userBlocks = pgTable(
  'user_blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    index('user_blocks_blocked_idx').on(t.blockedId),
    check('user_blocks_not_self', sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);

/**
 * The audit log of moderation: every action by a moderator, an admin or crew staff, with the reason the user
 * sees. Rows are only ever inserted: a trigger (migration 0019) refuses UPDATE and DELETE.
 */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** dismiss | hide | restore | warn | suspend | ban | grant | revoke (roles, from the command line) */
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    /** Whose content or account it is. */
    subjectId: uuid('subject_id').references(() => users.id, { onDelete: 'set null' }),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'set null' }),
    /** Set when crew staff acted within their crew. */
    crewId: uuid('crew_id').references(() => crews.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    days: integer('days'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check(
      'moderation_actions_action',
      sql`${t.action} in ('dismiss', 'hide', 'restore', 'warn', 'suspend', 'ban', 'grant', 'revoke')`,
    ),
    check('moderation_actions_days', sql`${t.days} is null or ${t.days} between 1 and 365`),
    index('moderation_actions_created_idx').on(t.createdAt, t.id),
    index('moderation_actions_subject_idx').on(t.subjectId, t.createdAt),
  ],
);

/** A runner's dispute of an absent mark (within 48 h); the host accepts or rejects; open after 72 h: moderators. */
export const attendanceDisputes = pgTable(
  'attendance_disputes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    /** open | accepted | rejected | escalated (left open by the host for 72 h: the moderators decide) */
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('attendance_disputes_run_user_key').on(t.runId, t.userId),
    check('attendance_disputes_status', sql`${t.status} in ('open', 'accepted', 'rejected', 'escalated')`),
    index('attendance_disputes_open_idx')
      .on(t.status, t.createdAt)
      .where(sql`${t.status} in ('open', 'escalated')`),
  ],
);

/** A joined runner who left within 3 h of the start: part of their reliability record (12 months). */
export const lateCancellations = pgTable(
  'late_cancellations',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.userId] }),
    index('late_cancellations_user_idx').on(t.userId, t.cancelledAt),
  ],
);

/**
 * A seat freed within 24 h of the start, offered to a waitlisted runner until `expiresAt` (30 min, or the join
 * deadline if sooner). open → claimed | lapsed | withdrawn; one open offer per runner and run.
 */
export const seatOffers = pgTable(
  'seat_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('open'),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    check('seat_offers_status', sql`${t.status} in ('open', 'claimed', 'lapsed', 'withdrawn')`),
    uniqueIndex('seat_offers_one_open_key')
      .on(t.runId, t.userId)
      .where(sql`${t.status} = 'open'`),
    index('seat_offers_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'open'`),
    index('seat_offers_run_idx').on(t.runId, t.status),
  ],
);
