/** Every table, for Drizzle's relational queries and drizzle-kit. */
export * from './schema.ts';
export * from './schema-courses.ts';
export * from './schema-after-run.ts';
export * from './schema-messaging.ts';
