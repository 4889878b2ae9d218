import type { NotificationCategory } from '@erun/contracts';
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { runs } from './runs.ts';
import { users } from './users.ts';

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
