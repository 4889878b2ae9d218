import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { notifications } from './notifications.ts';
import { users } from './users.ts';

/** Web push subscriptions (one per browser). */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    // The app's language on that device when it subscribed: its pushes are written in it.
    locale: text('locale').notNull().default('ko'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint),
    index('push_subscriptions_user_idx').on(t.userId),
  ],
);

/**
 * External deliveries of a notification (push, sms): one row per notification and channel, inserted
 * before sending, so a retried or duplicated job never sends twice.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    // pending | sent | failed | skipped
    status: text('status').notNull(),
    error: text('error'),
    // SMS: the keyed hash of the number it was sent to, set when the daily limits let it go (they count it).
    recipientHash: text('recipient_hash'),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    // When a sweep last claimed it: a pending delivery whose lease ran out (its sender died) is claimed again.
    claimedAt: timestamp('claimed_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.notificationId, t.channel] }),
    // The outbox: what the sweeps claim again after a lease ran out, and what /metrics counts.
    index('notification_deliveries_pending_idx')
      .on(t.claimedAt)
      .where(sql`${t.status} = 'pending'`),
    index('notification_deliveries_recipient_idx')
      .on(t.recipientHash, t.createdAt)
      .where(sql`${t.recipientHash} is not null`),
  ],
);
