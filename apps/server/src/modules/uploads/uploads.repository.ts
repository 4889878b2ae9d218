import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { uploads } from '../../db/schema.ts';

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
}
