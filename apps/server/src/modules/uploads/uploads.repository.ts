import { and, eq, getTableName, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { uploads } from '../../db/tables.ts';
import type { DbTx } from '../../db/transaction.ts';

export type UploadRow = typeof uploads.$inferSelect;

export class UploadsRepository {
  constructor(private readonly db: Db) {}

  async insert(values: typeof uploads.$inferInsert): Promise<UploadRow> {
    const [row] = await this.db.insert(uploads).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async findOwn(ownerId: string, id: string): Promise<UploadRow | undefined> {
    const [row] = await this.db
      .select()
      .from(uploads)
      .where(and(eq(uploads.id, id), eq(uploads.ownerId, ownerId)));
    return row;
  }

  async countOwn(ownerId: string, ids: string[], purpose: string): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await this.db
      .select({ id: uploads.id })
      .from(uploads)
      .where(and(eq(uploads.ownerId, ownerId), eq(uploads.purpose, purpose), inArray(uploads.id, ids)));
    return rows.length;
  }

  /**
   * Deletes uploads older than `before` that nothing points at: photos of a run never published, replaced
   * avatars. "Points at" is every foreign key onto `uploads` that the catalog knows at this moment, so a table
   * added later that holds uploads (course photos once were forgotten here and lost) is honoured without an
   * edit; the catalog query and the delete run in one transaction.
   */
  async deleteUnreferenced(before: Date): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const references = await referencesTo(tx, getTableName(uploads));
      // users.avatar_id always exists: finding nothing means the catalog was misread, and purging would wipe all.
      if (references.length === 0) throw new Error('no foreign key onto uploads found; nothing purged');
      const rows = await tx
        .delete(uploads)
        .where(and(lt(uploads.createdAt, before), ...references.map((r) => sql`not exists (${r})`)))
        .returning({ id: uploads.id });
      return rows.map((r) => r.id);
    });
  }

  async deleteByIds(ids: string[]): Promise<void> {
    await this.db.delete(uploads).where(inArray(uploads.id, ids));
  }
}

interface ForeignKey {
  schema: string;
  table: string;
  /** Referencing and referenced column names, pair by pair. */
  columns: string[];
  referenced: string[];
}

/** `select 1 from <t> where <t>.<col> = uploads.<ref> …` for every foreign key onto `table`, from pg_constraint. */
async function referencesTo(tx: DbTx, table: string): Promise<SQL[]> {
  const result = await tx.execute(sql`
    select n.nspname as "schema", c.relname as "table",
           array(select a.attname::text from unnest(k.conkey) with ordinality as u(num, i)
                   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num order by u.i) as "columns",
           array(select a.attname::text from unnest(k.confkey) with ordinality as u(num, i)
                   join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.num order by u.i) as "referenced"
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and k.confrelid = ${table}::regclass`);
  const keys = rowsOf<ForeignKey>(result);
  return keys.map((key) => {
    const holder = sql`${sql.identifier(key.schema)}.${sql.identifier(key.table)}`;
    const matches = key.columns.map(
      (column, i) =>
        sql`${holder}.${sql.identifier(column)} = ${uploads}.${sql.identifier(key.referenced[i] ?? 'id')}`,
    );
    return sql`select 1 from ${holder} where ${sql.join(matches, sql` and `)}`;
  });
}

/** node-postgres answers `{ rows }`, PGlite through Drizzle too; both give arrays of objects here. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
