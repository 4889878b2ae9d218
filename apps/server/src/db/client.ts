import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './tables.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** Runs raw SQL for pg-boss, which brings its own queries. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  executeSql: ExecuteSql;
  /** Connection string for pg-boss on PostgreSQL; undefined on PGlite. */
  connectionString: string | undefined;
  /** The embedded instance, for dumps and tests; undefined on PostgreSQL. */
  pglite: PGlite | undefined;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /** PostgreSQL: the pool's connections right now (no I/O); undefined on PGlite (one embedded connection). */
  poolStats(): PoolStats | undefined;
  close(): Promise<void>;
}

export interface PoolStats {
  max: number;
  /** Open connections, busy or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
// Any constant: only one instance of a scaled-out deployment migrates at a time.
const MIGRATION_LOCK = 727_001;

export interface DatabaseOptions {
  /** PostgreSQL connection string; undefined = embedded PGlite. */
  url: string | undefined;
  /** Folder of the embedded database; undefined = in memory (tests). */
  dataDir: string | undefined;
  /** An already-open PGlite (tests share a migrated template). */
  pglite?: PGlite;
  poolSize?: number;
  /** PostgreSQL: how long a request waits for a pooled connection (a frozen database must not hang it). */
  connectTimeoutMs?: number;
  /** PostgreSQL: statement_timeout; the client gives up 5 s later if the server does not answer at all. */
  statementTimeoutMs?: number;
  /** An idle pooled connection failed (database restart, failover, terminated backend); the pool replaces it. */
  onConnectionError?: (error: Error) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url
    ? openPostgres(
        options.url,
        {
          max: options.poolSize ?? 20,
          connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
          statement_timeout: options.statementTimeoutMs ?? 30_000,
          query_timeout: (options.statementTimeoutMs ?? 30_000) + 5000,
        },
        options.onConnectionError,
      )
    : openPglite(options);
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  let client = options.pglite;
  if (!client) {
    if (options.dataDir) mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true });
    client = await PGlite.create(options.dataDir ?? 'memory://', { extensions: { pg_trgm } });
  }
  const pglite = client;
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    connectionString: undefined,
    pglite,
    executeSql: async (text, values) => {
      if (values && values.length > 0) return pglite.query(text, values);
      // pg-boss sends multi-statement scripts without parameters: exec runs them all; return the last result.
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    migrate: () => migratePglite(drizzlePglite({ client: pglite }), { migrationsFolder }),
    ping: async () => {
      await pglite.query('select 1');
    },
    poolStats: () => undefined,
    close: () => pglite.close(),
  };
}

async function openPostgres(
  url: string,
  poolOptions: pg.PoolConfig,
  onError?: (error: Error) => void,
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, ...poolOptions });
  // Without a listener, an idle client's error would crash the process (EventEmitter 'error').
  pool.on('error', (error) => onError?.(error));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    connectionString: url,
    pglite: undefined,
    executeSql: (text, values) => pool.query(text, values),
    migrate: async () => {
      // A connection of its own, without the pool's timeouts: waiting for another instance's migration, or a
      // long one, is expected here.
      const conn = new pg.Client({ connectionString: url });
      await conn.connect();
      try {
        await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg({ client: conn }), { migrationsFolder });
      } finally {
        await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        await conn.end();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    poolStats: () => ({
      max: poolOptions.max ?? 10,
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    close: () => pool.end(),
  };
}
