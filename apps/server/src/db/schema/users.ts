import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored normalised (trimmed, lower-case); null for accounts made through Kakao/Naver only.
    email: text('email'),
    passwordHash: text('password_hash'),
    // When the owner of `email` followed the link sent there; null until then (and for a new address).
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    nickname: text('nickname').notNull(),
    // The language mail and texts are written in (ko | en): chosen at sign-up, changed in the settings.
    locale: text('locale').notNull().default('ko'),
    bio: text('bio').notNull().default(''),
    runningLevel: text('running_level'),
    preferredRegions: text('preferred_regions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    preferredDistance: text('preferred_distance'),
    // Times of day (the /runs filter's codes) the feed's "내 조건" starts from (issue 18).
    preferredTimesOfDay: text('preferred_times_of_day')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
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
    /** user | moderator | admin: granted from the command line (`npm run admin`), never by the API alone. */
    role: text('role').notNull().default('user'),
    /** Suspended until then (a moderator's action): may sign in and read, not post, join or host. */
    suspendedUntil: timestamp('suspended_until', { withTimezone: true }),
    /** Banned by a moderator: reads only, for good (until an admin restores). */
    bannedAt: timestamp('banned_at', { withTimezone: true }),
    /** Optional, private (shown to nobody): female | male | other; decides who may join 여성 전용 runs. */
    gender: text('gender'),
    // Set when the account is deleted: personal data is erased, the row stays so others' data stays whole.
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_calendar_token_key').on(t.calendarToken),
    check('users_good_runner_score_range', sql`${t.goodRunnerScore} between 0 and 100`),
    check('users_role', sql`${t.role} in ('user', 'moderator', 'admin')`),
    check('users_gender', sql`${t.gender} is null or ${t.gender} in ('female', 'male', 'other')`),
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
