import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { crews } from './crews.ts';
import { runs } from './runs.ts';
import { users } from './users.ts';

/**
 * Group chats: a run's (the host, co-hosts and joined participants) or a crew's (its members). Each message
 * belongs to exactly one of them. A message with `pinnedAt` set is the chat's notice (the latest pinned wins).
 */
export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'cascade' }),
    crewId: uuid('crew_id').references(() => crews.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }),
    /** Hidden by moderation: shown folded to everyone but its author. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
  },
  (t) => [
    check('chat_messages_one_chat', sql`(${t.runId} is null) <> (${t.crewId} is null)`),
    index('chat_messages_run_idx').on(t.runId, t.createdAt, t.id),
    index('chat_messages_crew_idx')
      .on(t.crewId, t.createdAt, t.id)
      .where(sql`${t.crewId} is not null`),
  ],
);

/** Where each member stopped reading a chat (the unread marker), and whether they muted its pushes. */
export const chatReads = pgTable(
  'chat_reads',
  {
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'cascade' }),
    crewId: uuid('crew_id').references(() => crews.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull(),
    muted: boolean('muted').notNull().default(false),
  },
  (t) => [
    check('chat_reads_one_chat', sql`(${t.runId} is null) <> (${t.crewId} is null)`),
    uniqueIndex('chat_reads_run_key').on(t.runId, t.userId),
    uniqueIndex('chat_reads_crew_key').on(t.crewId, t.userId),
    index('chat_reads_user_idx').on(t.userId),
  ],
);
