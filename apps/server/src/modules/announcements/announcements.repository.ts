import { and, desc, eq, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crewAnnouncements, crewMembers, crews, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export type AnnouncementRow = typeof crewAnnouncements.$inferSelect;
export interface AnnouncementAuthor {
  id: string;
  nickname: string;
  bio: string;
  runningLevel: string | null;
  avatarId: string | null;
  goodRunnerScore: number;
}
export type AnnouncementWithAuthor = AnnouncementRow & { crewName: string; author: AnnouncementAuthor };
/** Where a page starts: after (pinned, createdAt, id) of the previous page's last item. */
export interface AnnouncementCursor {
  pinned: boolean;
  createdAt: Date;
  id: string;
}

const authorColumns = {
  id: users.id,
  nickname: users.nickname,
  bio: users.bio,
  runningLevel: users.runningLevel,
  avatarId: users.avatarId,
  goodRunnerScore: users.goodRunnerScore,
};

/** The `crew_announcements` table (this module writes it; the comments module keeps its comment_count). */
export class AnnouncementsRepository {
  constructor(private readonly db: Db) {}

  /** A live crew's name, or undefined (none, or deleted). */
  async crewName(crewId: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ name: crews.name })
      .from(crews)
      .where(and(eq(crews.id, crewId), isNull(crews.deletedAt)));
    return row?.name;
  }

  async create(tx: Tx, values: typeof crewAnnouncements.$inferInsert): Promise<AnnouncementRow> {
    const [row] = await sqlOf(tx).insert(crewAnnouncements).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  /** The crew's members other than `exceptId`, in the same transaction as the announcement. */
  async memberIds(tx: Tx, crewId: string, exceptId: string): Promise<string[]> {
    const rows = await sqlOf(tx)
      .select({ id: crewMembers.userId })
      .from(crewMembers)
      .where(
        and(
          eq(crewMembers.crewId, crewId),
          eq(crewMembers.status, 'member'),
          ne(crewMembers.userId, exceptId),
        ),
      );
    return rows.map((r) => r.id);
  }

  /** A live announcement of a live crew, with its author and crew name. */
  async find(id: string): Promise<AnnouncementWithAuthor | undefined> {
    const [row] = await this.select(eq(crewAnnouncements.id, id));
    return row;
  }

  /** Pinned ones first, then newest first; `cursor` continues after the previous page's last item. */
  async list(
    crewId: string,
    cursor: AnnouncementCursor | undefined,
    limit: number,
    /** Who reads: hidden ones (reports) are left out unless the reader wrote them or is the crew's staff. */
    reader: { userId: string; staff: boolean },
  ): Promise<AnnouncementWithAuthor[]> {
    const after = cursor
      ? sql`(${crewAnnouncements.pinned}, ${crewAnnouncements.createdAt}, ${crewAnnouncements.id}) < (${cursor.pinned}, ${cursor.createdAt}, ${cursor.id})`
      : undefined;
    const unhidden = reader.staff
      ? undefined
      : or(isNull(crewAnnouncements.hiddenAt), eq(crewAnnouncements.authorId, reader.userId));
    return this.select(and(eq(crewAnnouncements.crewId, crewId), after, unhidden), limit);
  }

  /** Hidden by reports (the reports module asks, in its unit of work); a hidden one stays as it was. */
  /** Hides it (at) or shows it again (null); a no-op when it already is so. */
  async setHidden(tx: Tx, id: string, at: Date | null): Promise<void> {
    await sqlOf(tx)
      .update(crewAnnouncements)
      .set({ hiddenAt: at })
      .where(
        and(
          eq(crewAnnouncements.id, id),
          at ? isNull(crewAnnouncements.hiddenAt) : isNotNull(crewAnnouncements.hiddenAt),
        ),
      );
  }

  async update(
    id: string,
    changes: Partial<Pick<AnnouncementRow, 'title' | 'content' | 'pinned'>>,
    now: Date,
  ): Promise<void> {
    // Pinning is not an edit: only a new title or content moves `updatedAt`.
    const edited = changes.title !== undefined || changes.content !== undefined;
    await this.db
      .update(crewAnnouncements)
      .set({ ...changes, ...(edited ? { updatedAt: now } : {}) })
      .where(and(eq(crewAnnouncements.id, id), isNull(crewAnnouncements.deletedAt)));
  }

  async delete(id: string, now: Date): Promise<void> {
    await this.db
      .update(crewAnnouncements)
      .set({ deletedAt: now, pinned: false })
      .where(and(eq(crewAnnouncements.id, id), isNull(crewAnnouncements.deletedAt)));
  }

  private async select(where: SQL | undefined, limit = 1): Promise<AnnouncementWithAuthor[]> {
    const rows = await this.db
      .select({ a: crewAnnouncements, crewName: crews.name, author: authorColumns })
      .from(crewAnnouncements)
      .innerJoin(crews, eq(crews.id, crewAnnouncements.crewId))
      .innerJoin(users, eq(users.id, crewAnnouncements.authorId))
      .where(and(where, isNull(crewAnnouncements.deletedAt), isNull(crews.deletedAt)))
      .orderBy(desc(crewAnnouncements.pinned), desc(crewAnnouncements.createdAt), desc(crewAnnouncements.id))
      .limit(limit);
    return rows.map((r) => ({ ...r.a, crewName: r.crewName, author: r.author }));
  }
}
