/**
 * Every table, for Drizzle's relational queries and drizzle-kit. Each module's tables live in schema/<module>.ts
 * (users and uploads share one file: each references the other).
 */
export * from './schema/after-run.ts';
export * from './schema/auth.ts';
export * from './schema/badges.ts';
export * from './schema/chat.ts';
export * from './schema/comments.ts';
export * from './schema/consents.ts';
export * from './schema/courses.ts';
export * from './schema/crews.ts';
export * from './schema/deliveries.ts';
export * from './schema/mail.ts';
export * from './schema/notifications.ts';
export * from './schema/phone.ts';
export * from './schema/reminders.ts';
export * from './schema/runs.ts';
export * from './schema/safety.ts';
export * from './schema/saved-searches.ts';
export * from './schema/secrets.ts';
export * from './schema/series.ts';
export * from './schema/users.ts';
