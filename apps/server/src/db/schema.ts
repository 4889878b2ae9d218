import type { NotificationCategory } from '@erun/contracts';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
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

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Generated secrets shared by every instance (JWT key, …) when the environment gives none. */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored normalised (trimmed, lower-case); null for accounts made through Kakao/Naver only.
    email: text('email'),
    passwordHash: text('password_hash'),
    nickname: text('nickname').notNull(),
    bio: text('bio').notNull().default(''),
    runningLevel: text('running_level'),
    preferredRegions: text('preferred_regions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    preferredDistance: text('preferred_distance'),
    avatarId: uuid('avatar_id').references((): AnyPgColumn => uploads.id, { onDelete: 'set null' }),
    goodRunnerScore: integer('good_runner_score').notNull().default(50),
    // Kept by the runs module in the same transaction as the run it counts.
    runsHosted: integer('runs_hosted').notNull().default(0),
    // Secret part of the personal calendar feed URL; rotating it cuts off every old subscription.
    calendarToken: text('calendar_token'),
    // Phone number, AES-256-GCM encrypted (modules/phone); the last four digits for the masked display.
    phoneEncrypted: text('phone_encrypted'),
    phoneLast4: text('phone_last4'),
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
    // Consent to reminders by SMS (PIPA: opt-in, revocable).
    smsConsent: boolean('sms_consent').notNull().default(false),
    // Per category: which extra channels (push, sms) the user wants. In-app is always on.
    notificationPreferences: jsonb('notification_preferences')
      .$type<Record<string, { push?: boolean; sms?: boolean }>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    // Set when the account is deleted: personal data is erased, the row stays so others' data stays whole.
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_calendar_token_key').on(t.calendarToken),
    check('users_good_runner_score_range', sql`${t.goodRunnerScore} between 0 and 100`),
  ],
);

export const oauthAccounts = pgTable(
  'oauth_accounts',
  {
    provider: text('provider').notNull(),
    providerUserId: text('provider_user_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerUserId] }),
    uniqueIndex('oauth_accounts_user_provider_key').on(t.userId, t.provider),
  ],
);

/** Refresh tokens, stored hashed. One family per login; rotation links them; reuse revokes the family. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_key').on(t.tokenHash),
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_user_idx').on(t.userId),
    index('refresh_tokens_expires_idx').on(t.expiresAt),
  ],
);

/** Uploaded images, re-encoded; the files live in the storage port under `<id>/<size>.webp`. */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('uploads_owner_idx').on(t.ownerId), index('uploads_created_idx').on(t.createdAt)],
);

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
    removedReason: text('removed_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.userId] }),
    index('run_participants_queue_idx').on(t.runId, t.status, t.createdAt),
    index('run_participants_user_idx').on(t.userId),
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

/** In-app alerts; live delivery, push and SMS build on these rows. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    category: text('category').$type<NotificationCategory>().notNull(),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'cascade' }),
    // Who caused it (a commenter, a runner who joined); null for reminders and system notices.
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    data: jsonb('data').$type<Record<string, string | number | null>>().notNull(),
    link: text('link').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    // The push/SMS delivery sweep reads the last hour's notifications of everyone.
    index('notifications_created_idx').on(t.createdAt),
  ],
);
