import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Projects: fast unit tests (no database), integration tests through app.inject on a real database, the
// security suite (hostile cases, same setup as integration) and the web component tests.
// TEST_DB=postgres runs the integration project on PostgreSQL (+ Redis when REDIS_URL is set); default is PGlite.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core CI machine, where the files mostly
    // wait on a database or on module loading. Two there halve `npm test`; larger machines keep the default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.security.test.ts', '**/*.fault.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/src/**/*.int.test.ts'],
          environment: 'node',
          // Every file builds its own app on its own database copy and shares no module state, so one module
          // graph per worker serves them all: without isolation the server's modules load once per worker
          // instead of once per file (on a 2-core CI machine: minutes, not seconds).
          isolate: false,
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Hostile cases (issue 12): the same real app and databases as integration, kept as a suite of their own
        // so that `npm run test:security` runs them alone (CI runs them on PostgreSQL + Redis).
        test: {
          name: 'security',
          include: ['apps/server/src/**/*.security.test.ts'],
          environment: 'node',
          isolate: false, // as integration
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Faults (issue 13): Redis, PostgreSQL, disk and signals failing under the real app; tests start private
        // Redis/PostgreSQL instances on their own ports when they stop one. `npm run test:faults`.
        test: {
          name: 'faults',
          include: ['apps/server/src/**/*.fault.test.ts'],
          environment: 'node',
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      'apps/web/vitest.config.ts',
    ],
  },
});
