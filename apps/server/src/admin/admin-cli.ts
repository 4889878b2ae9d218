/**
 * `npm run admin -- grant <email> moderator|admin | revoke <email> | list` (see admin.ts). Uses DATABASE_URL,
 * else the embedded database in DATA_DIR/db — which refuses while a server holds that folder.
 */
import path from 'node:path';
import { loadEnv } from '../config/env.ts';
import { openDatabase } from '../db/client.ts';
import { systemClock } from '../ports/clock.ts';
import { ADMIN_USAGE, lockForAdmin, runAdminCommand } from './admin.ts';

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
  console.log(ADMIN_USAGE);
  process.exit(args.length === 0 ? 2 : 0);
}

const env = loadEnv();
const { lock, refused } = lockForAdmin(env.DATABASE_URL, env.DATA_DIR);
if (refused) {
  console.error(refused);
  process.exit(1);
}
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: path.join(env.DATA_DIR, 'db') });
try {
  await database.migrate();
  const result = await runAdminCommand(database, args, systemClock);
  for (const line of result.lines) (result.code === 0 ? console.log : console.error)(line);
  process.exitCode = result.code;
} finally {
  await database.close();
  lock?.release();
}
