import pg from 'pg';
import type { Database } from '../db/client.ts';

export type Exec = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/** Runs `fn` in one transaction on either database: a failed seed leaves nothing behind. */
export async function inTransaction<T>(database: Database, fn: (exec: Exec) => Promise<T>): Promise<T> {
  if (database.pglite)
    return database.pglite.transaction((tx) => fn((text, values) => tx.query(text, values)));
  const client = new pg.Client({ connectionString: database.connectionString });
  await client.connect();
  try {
    await client.query('begin');
    const result = await fn((text, values) => client.query(text, values));
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Inserts many rows with one statement per batch: each column travels as one array parameter and `unnest`
 * turns them back into rows. Far faster than row-by-row inserts, and the same SQL on PGlite and PostgreSQL.
 * `columns` maps column name → array type (`uuid`, `text`, `timestamptz`…); `cast` optionally converts
 * a column after unnesting (e.g. `jsonb`, `text[]`, which cannot be unnested from a 2-D array).
 */
export async function insertRows(
  exec: Exec,
  table: string,
  columns: [name: string, type: string, cast?: string][],
  rows: unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((row) => row[i] ?? null));
  const names = columns.map(([name]) => name).join(', ');
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const select = columns.map(([name, , cast]) => (cast ? `${name}::${cast}` : name)).join(', ');
  await exec(
    `insert into ${table} (${names}) select ${select} from unnest(${params}) as t(${names})`,
    arrays,
  );
}

/** The columns every seeded run row starts with (single runs and 정기런 dates), in this order. */
export const RUN_FIELD_COLUMNS: [string, string, string?][] = [
  ['id', 'uuid'],
  ['host_id', 'uuid'],
  ['title', 'text'],
  ['description', 'text'],
  ['starts_at', 'timestamptz'],
  ['ends_at', 'timestamptz'],
  ['meet_at', 'timestamptz'],
  ['join_deadline', 'timestamptz'],
  ['place_name', 'text'],
  ['place_lat', 'float8'],
  ['place_lng', 'float8'],
  ['route', 'text', 'jsonb'],
  ['distance_km', 'float8'],
  ['capacity', 'int'],
  ['theme', 'text'],
  ['region', 'text'],
  ['time_of_day', 'text'],
  ['pace_sec_per_km', 'int'],
  ['parking', 'text'],
  ['baggage', 'text'],
  ['participant_count', 'int'],
];
