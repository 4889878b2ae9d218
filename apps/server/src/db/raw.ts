import type { SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * Rows of a raw SQL query. Both drivers (node-postgres and PGlite) answer `{ rows }`, but the shared Db type
 * cannot know which driver it is, so the row type is the caller's to state.
 */
export async function rawRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
