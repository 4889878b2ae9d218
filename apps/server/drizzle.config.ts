import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/db/schema.ts',
    './src/db/schema-courses.ts',
    './src/db/schema-after-run.ts',
    './src/db/schema-messaging.ts',
  ],
  out: './drizzle',
});
