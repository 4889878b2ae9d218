/**
 * `npm run seed -- --users 2000 --runs 100000 [--seed 2026] [--reset]`: sample data in the configured database
 * (DATABASE_URL, else the embedded one in DATA_DIR/db — stop `npm start` first, PGlite has one owner: the
 * DATA_DIR lock refuses to seed a folder a server has open).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '../config/env.ts';
import { openDatabase } from '../db/client.ts';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.ts';
import { SEED_PASSWORD, SeedDataExists, seedDatabase } from './seed.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '2026' },
    reset: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('npm run seed -- [--users 2000] [--runs 100000] [--seed 2026] [--reset]');
  process.exit(0);
}

const count = (name: string, text: string, min: number) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be an integer ≥ ${min}`);
    process.exit(2);
  }
  return n;
};
const options = {
  users: count('users', values.users, 2),
  runs: count('runs', values.runs, 0),
  seed: count('seed', values.seed, 0),
  reset: values.reset,
};

const env = loadEnv();
if (!env.DATABASE_URL) {
  try {
    const lock = lockDataDir(env.DATA_DIR, 'seed');
    if (lock.tookOver) console.warn(`took over the stale lock of process ${lock.tookOver.pid} (gone)`);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: path.join(env.DATA_DIR, 'db') });
try {
  await database.migrate();
  const where = database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${path.join(env.DATA_DIR, 'db')}`;
  console.log(`seeding ${options.users} users and ${options.runs} runs into ${where} (seed ${options.seed})`);
  const summary = await seedDatabase(database, { ...options, log: (m) => console.log(`  ${m}`) });
  console.log(
    `done in ${summary.seconds.toFixed(1)} s: ${summary.users} users, ${summary.runs} runs, ` +
      `${summary.participations} participations. Sign in as seed0001@seed.erun.run / ${SEED_PASSWORD}`,
  );
} catch (error) {
  if (!(error instanceof SeedDataExists)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await database.close();
}
