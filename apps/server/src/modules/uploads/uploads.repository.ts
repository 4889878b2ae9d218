import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { runPhotos, uploads, users } from '../../db/schema.ts';

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
   * avatars. The foreign keys that may point at an upload are listed here, next to the delete they guard.
   */
  async deleteUnreferenced(before: Date): Promise<string[]> {
    const rows = await this.db
      .delete(uploads)
      .where(
        and(
          lt(uploads.createdAt, before),
          sql`not exists (select 1 from ${runPhotos} where ${runPhotos.uploadId} = ${uploads.id})`,
          sql`not exists (select 1 from ${users} where ${users.avatarId} = ${uploads.id})`,
        ),
      )
      .returning({ id: uploads.id });
    return rows.map((r) => r.id);
  }

  async deleteByIds(ids: string[]): Promise<void> {
    await this.db.delete(uploads).where(inArray(uploads.id, ids));
  }
}
