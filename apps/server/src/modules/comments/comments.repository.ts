import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { comments, courses, crewAnnouncements, runs, users } from '../../db/tables.ts';
import { type DbTx, sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import { blockedBy } from '../blocks/index.ts';
import { runVisibleToSql } from '../runs/index.ts';

export type CommentRow = typeof comments.$inferSelect;
export type Target =
  { kind: 'run'; id: string } | { kind: 'course'; id: string } | { kind: 'announcement'; id: string };
export type CommentWithAuthor = CommentRow & {
  author: { id: string; nickname: string; avatarId: string | null; runningLevel: string | null };
  /** The reader blocked its author: shown folded to them (false for guests and in single reads). */
  folded?: boolean;
};

const authorColumns = {
  id: users.id,
  nickname: users.nickname,
  avatarId: users.avatarId,
  runningLevel: users.runningLevel,
};

function targetConditions(target: Target): SQL[] {
  if (target.kind === 'course') return [eq(comments.courseId, target.id)];
  if (target.kind === 'announcement') {
    return [
      eq(comments.announcementId, target.id),
      sql`exists (select 1 from ${crewAnnouncements} a where a.id = ${target.id} and a.deleted_at is null)`,
    ];
  }
  return [
    eq(comments.runId, target.id),
    sql`exists (select 1 from ${runs} r where r.id = ${target.id} and r.cancelled_at is null)`,
  ];
}

/** Comment counts live on the run, course and announcement rows (cards show them) and on the parent (reply counts), kept in step here. */
export class CommentsRepository {
  constructor(private readonly db: Db) {}

  async create(tx: Tx, values: typeof comments.$inferInsert): Promise<CommentRow> {
    const db = sqlOf(tx);
    const [row] = await db.insert(comments).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    if (row.parentId) {
      await db
        .update(comments)
        .set({ replyCount: sql`${comments.replyCount} + 1` })
        .where(eq(comments.id, row.parentId));
    }
    await this.moveTargetCount(db, row, 1);
    return row;
  }

  async find(id: string): Promise<CommentRow | undefined> {
    const [row] = await this.db.select().from(comments).where(eq(comments.id, id));
    return row;
  }

  async findWithAuthor(id: string): Promise<CommentWithAuthor | undefined> {
    const [row] = await this.db
      .select({ comment: comments, author: authorColumns })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.id, id));
    return row ? { ...row.comment, author: row.author } : undefined;
  }

  /**
   * Top-level comments newest first, or a comment's replies oldest first; cursor = (createdAt, id). One
   * statement: a cancelled run's comments are not listed (an empty page then tells the caller to check why).
   */
  /**
   * A page of top-level comments or replies. With `reader` (a run's comments), only when that reader may see
   * the run — a live run, public or members-only and theirs to see — so one statement answers a non-empty page.
   */
  async list(
    where: { target: Target; reader?: string | null } | { parentId: string },
    cursor: [string, string] | undefined,
    limit: number,
    /** Whose folding: their blocked authors' comments come marked (a guest: none, the page stays shared). */
    viewer: string | null = null,
  ): Promise<CommentWithAuthor[]> {
    const replies = 'parentId' in where;
    const conditions: SQL[] = replies
      ? [eq(comments.parentId, where.parentId)]
      : [...targetConditions(where.target), isNull(comments.parentId)];
    if (!replies && where.target.kind === 'run' && where.reader !== undefined)
      conditions.push(runVisibleTo(where.target.id, where.reader));
    if (cursor) {
      const op = replies ? sql`>` : sql`<`;
      conditions.push(
        sql`(${comments.createdAt}, ${comments.id}) ${op} (${new Date(cursor[0])}, ${cursor[1]})`,
      );
    }
    const order = replies
      ? [asc(comments.createdAt), asc(comments.id)]
      : [desc(comments.createdAt), desc(comments.id)];
    const rows = await this.db
      .select({
        comment: comments,
        author: authorColumns,
        folded: blockedBy(viewer, sql`${comments.authorId}`),
      })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(and(...conditions))
      .orderBy(...order)
      .limit(limit);
    return rows.map((r) => ({ ...r.comment, author: r.author, folded: Boolean(r.folded) }));
  }

  /** Hides it (at) or shows it again (null); the row when this call changed it, else undefined. */
  async setHidden(tx: Tx, id: string, at: Date | null): Promise<CommentRow | undefined> {
    const [row] = await sqlOf(tx)
      .update(comments)
      .set({ hiddenAt: at })
      .where(and(eq(comments.id, id), at ? isNull(comments.hiddenAt) : isNotNull(comments.hiddenAt)))
      .returning();
    return row;
  }

  async updateContent(id: string, content: string, now: Date): Promise<void> {
    await this.db.update(comments).set({ content, editedAt: now }).where(eq(comments.id, id));
  }

  /**
   * Deletes a comment. One with replies stays as a "deleted" placeholder that keeps them; a placeholder whose
   * last reply goes is removed too.
   */
  async delete(tx: Tx, id: string, now: Date): Promise<void> {
    const db = sqlOf(tx);
    const [row] = await db.select().from(comments).where(eq(comments.id, id)).for('update');
    if (!row || row.deletedAt) return;
    if (row.replyCount > 0) {
      await db.update(comments).set({ deletedAt: now, content: '' }).where(eq(comments.id, id));
    } else {
      await db.delete(comments).where(eq(comments.id, id));
    }
    await this.moveTargetCount(db, row, -1);
    if (!row.parentId) return;
    const [parent] = await db
      .update(comments)
      .set({ replyCount: sql`${comments.replyCount} - 1` })
      .where(eq(comments.id, row.parentId))
      .returning();
    if (parent?.deletedAt && parent.replyCount === 0)
      await db.delete(comments).where(eq(comments.id, parent.id));
  }

  private async moveTargetCount(tx: DbTx, row: CommentRow, by: number) {
    if (row.courseId) {
      await tx
        .update(courses)
        .set({ commentCount: sql`greatest(${courses.commentCount} + ${by}, 0)` })
        .where(eq(courses.id, row.courseId));
    }
    if (row.runId) {
      await tx
        .update(runs)
        .set({ commentCount: sql`greatest(${runs.commentCount} + ${by}, 0)` })
        .where(eq(runs.id, row.runId));
    }
    if (row.announcementId) {
      await tx
        .update(crewAnnouncements)
        .set({ commentCount: sql`greatest(${crewAnnouncements.commentCount} + ${by}, 0)` })
        .where(eq(crewAnnouncements.id, row.announcementId));
    }
  }
}

/** The run exists, is not cancelled, and the reader may see it (DOMAIN.md: members-only crew runs). */
function runVisibleTo(runId: string, reader: string | null): SQL {
  const visible = runVisibleToSql(reader === null ? null : { userId: reader }, {
    id: sql`r.id`,
    hostId: sql`r.host_id`,
    crewId: sql`r.crew_id`,
    visibility: sql`r.visibility`,
    hiddenAt: sql`r.hidden_at`,
  });
  return sql`exists (select 1 from ${runs} r where r.id = ${runId} and r.cancelled_at is null and ${visible})`;
}
