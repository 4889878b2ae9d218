import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Db } from './client.ts';

/**
 * Rows of a raw SQL query. Both drivers (node-postgres and PGlite) answer `{ rows }`, but the shared Db type
 * cannot know which driver it is, so the row type is the caller's to state.
 */
export async function rawRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

const dialect = new PgDialect();

/**
 * Rows of a raw SQL query that PostgreSQL plans once per connection and keeps under `name` (a named prepared
 * statement): for a hot statement with many subqueries planning costs more than running, and a signed-in read
 * sends one with every request. `name` must always come with the same SQL text (the values may differ): give
 * each shape of a query its own name. PGlite (one embedded connection, planning in-process): a plain query.
 */
export async function preparedRows<T>(db: Pick<Db, 'execute'>, name: string, query: SQL): Promise<T[]> {
  const client = (db as { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) return rawRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const result = await client.query<T & pg.QueryResultRow>({ name, text, values: params });
  return result.rows;
}
