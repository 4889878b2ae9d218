import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { users } from './users.ts';

/**
 * What a user agreed to, when (issue 15): one row per decision, never updated, so the history stands as a
 * record. `document`: terms | privacy | age14 | marketing_email | marketing_sms; `version` of the text shown
 * (documents without versions, such as age14, carry '1'); `granted` false withdraws an optional consent.
 */
export const userConsents = pgTable(
  'user_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    document: text('document').notNull(),
    version: text('version').notNull(),
    granted: boolean('granted').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('user_consents_user_idx').on(t.userId, t.document, t.createdAt)],
);
