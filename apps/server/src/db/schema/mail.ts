import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { users } from './users.ts';

/**
 * The mail outbox (issue 15): a message is written here in the transaction that decides it, and sent by a
 * sweep after commit — never inside a request. `data` holds what the template needs (a link with a token,
 * for instance) only until the message is sent: it is emptied then.
 */
export const outboundMails = pgTable(
  'outbound_mails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The account it concerns, when there is one (erased with it); the address is what the mail goes to.
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    locale: text('locale').notNull().default('ko'),
    template: text('template').notNull(),
    data: jsonb('data').$type<Record<string, string | number | null>>().notNull(),
    // pending | sent | failed
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    // A failed attempt waits until then (backoff); a claim takes a lease until then too.
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbound_mails_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('outbound_mails_user_idx').on(t.userId, t.template, t.createdAt),
  ],
);
