import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { runs } from './runs.ts';
import { users } from './users.ts';

/**
 * Reminders already sent: one row per run, user and kind. The sweeper inserts here and creates the
 * notification in the same statement, so two workers, a retry or a restart never send one twice.
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.userId, t.kind] })],
);
