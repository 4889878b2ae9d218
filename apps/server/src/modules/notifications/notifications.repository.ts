import type { NotificationCategory } from '@erun/contracts';
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { notifications, users } from '../../db/tables.ts';
import { type DbTx, sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export type NewNotification = typeof notifications.$inferInsert;
export type NotificationRow = typeof notifications.$inferSelect & {
  actor: { id: string; nickname: string; avatarId: string | null } | null;
};

/** What a user's open tabs are told after a change: their newest notification and unread count. */
export interface Announcement {
  userId: string;
  latest: NotificationRow | null;
  unreadCount: number;
}

/** A notification with its actor as raw SQL returns it (both drivers; timestamps may come as strings). */
interface RawNotification {
  id: string;
  user_id: string;
  category: NotificationCategory;
  run_id: string | null;
  actor_id: string | null;
  data: Record<string, string | number | null>;
  link: string;
  read_at: string | Date | null;
  created_at: string | Date;
  actor_nickname: string | null;
  actor_avatar_id: string | null;
}

function fromRaw(r: RawNotification): NotificationRow {
  return {
    id: r.id,
    userId: r.user_id,
    category: r.category,
    runId: r.run_id,
    actorId: r.actor_id,
    data: r.data,
    link: r.link,
    readAt: r.read_at === null ? null : new Date(r.read_at),
    createdAt: new Date(r.created_at),
    actor: r.actor_id
      ? { id: r.actor_id, nickname: r.actor_nickname ?? '', avatarId: r.actor_avatar_id }
      : null,
  };
}

/**
 * Rows to insert described as a query (a sweep's own bookkeeping in the same statement): WITH clauses and a
 * SELECT of (user_id, category, run_id, actor_id, data, link, read_at, created_at).
 */
export interface NotificationQuery {
  ctes: SQL;
  select: SQL;
}

/** What storing notifications gives back: the rows (with their actor) and what to announce after commit. */
export interface Stored {
  rows: NotificationRow[];
  announcements: Announcement[];
}

/**
 * THE insert into `notifications` (ADR 015: the notifications module writes that table alone). One statement
 * stores the rows and returns, from the same statement, what to announce: each user's newest new row with its
 * actor, and their unread count. Nothing is read again after the commit, so a live notification leaves as
 * soon as the change is committed.
 *
 * `source` is a SELECT of (user_id, category, run_id, actor_id, data, link, read_at, created_at); `ctes`, when
 * given, are WITH clauses it reads (a sweep that records what it sent in the same statement).
 */
export async function insertNotifications(
  db: Db | DbTx,
  source: SQL,
  ctes: SQL | undefined = undefined,
): Promise<Stored> {
  const stored = await rawRows<RawNotification & { unread_before: number }>(
    db,
    sql`
    with ${ctes ? sql`${ctes},` : sql``} inserted as (
      insert into ${notifications} (user_id, category, run_id, actor_id, data, link, read_at, created_at)
      ${source}
      returning id, user_id, category, run_id, actor_id, data, link, read_at, created_at
    )
    select i.*,
      (select a.nickname from ${users} a where a.id = i.actor_id) as actor_nickname,
      (select a.avatar_id from ${users} a where a.id = i.actor_id) as actor_avatar_id,
      -- The statement's snapshot does not hold the rows it inserts: those are added below.
      (select count(*)::int from ${notifications} c where c.user_id = i.user_id and c.read_at is null)
        as unread_before
    from inserted i`,
  );
  const byUser = new Map<string, Announcement>();
  const rows: NotificationRow[] = [];
  for (const r of stored) {
    const row = fromRaw(r);
    rows.push(row);
    const before = byUser.get(r.user_id);
    byUser.set(r.user_id, {
      userId: r.user_id,
      latest: row,
      unreadCount: (before?.unreadCount ?? Number(r.unread_before)) + 1,
    });
  }
  return { rows, announcements: [...byUser.values()] };
}

/**
 * The rows travel as ONE JSON parameter, so the statement's text is the same for 1 row or 100: a run
 * cancelled under 99 runners costs no 600-placeholder query to build, send and plan.
 */
function fromJson(rows: NewNotification[]): SQL {
  const input = rows.map((r) => ({
    user_id: r.userId,
    category: r.category,
    run_id: r.runId ?? null,
    actor_id: r.actorId ?? null,
    data: r.data,
    link: r.link,
    read_at: r.readAt ?? null,
    created_at: r.createdAt ?? null,
  }));
  return sql`select r.user_id, r.category, r.run_id, r.actor_id, r.data, r.link, r.read_at,
      coalesce(r.created_at, now())
    from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as r(user_id uuid, category text, run_id uuid,
      actor_id uuid, data jsonb, link text, read_at timestamptz, created_at timestamptz)`;
}

export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  /** Stores the rows in the caller's unit of work. */
  async store(tx: Tx, rows: NewNotification[]): Promise<Stored> {
    return insertNotifications(sqlOf(tx), fromJson(rows));
  }

  /** A deleted account's notifications, in its deletion's unit of work (ADR 011). */
  async deleteOf(tx: Tx, userId: string): Promise<void> {
    await sqlOf(tx).delete(notifications).where(eq(notifications.userId, userId));
  }

  /**
   * Takes back the users' notifications of a category about a run (their pending push/SMS deliveries go with
   * them), in the caller's unit of work; returns whose were deleted.
   */
  async withdraw(
    tx: Tx,
    userIds: string[],
    runId: string,
    category: NotificationCategory,
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await sqlOf(tx)
      .delete(notifications)
      .where(
        and(
          inArray(notifications.userId, userIds),
          eq(notifications.runId, runId),
          eq(notifications.category, category),
        ),
      )
      .returning({ userId: notifications.userId });
    return [...new Set(rows.map((r) => r.userId))];
  }

  /** Stores the rows a query selects, with the WITH clauses it reads, in one statement of its own. */
  async storeFrom(due: NotificationQuery): Promise<Stored> {
    return insertNotifications(this.db, due.select, due.ctes);
  }

  /** Stores the rows in a statement of their own (its own transaction). */
  async storeNow(rows: NewNotification[]): Promise<Stored> {
    return insertNotifications(this.db, fromJson(rows));
  }

  /** Newest first; cursor = (createdAt, id). */
  async list(
    userId: string,
    cursor: [string, string] | undefined,
    limit: number,
  ): Promise<NotificationRow[]> {
    const conditions = [eq(notifications.userId, userId)];
    if (cursor)
      conditions.push(
        sql`(${notifications.createdAt}, ${notifications.id}) < (${new Date(cursor[0])}, ${cursor[1]})`,
      );
    const rows = await this.db
      .select({
        n: notifications,
        actorId: users.id,
        actorNickname: users.nickname,
        actorAvatarId: users.avatarId,
      })
      .from(notifications)
      .leftJoin(users, eq(users.id, notifications.actorId))
      .where(and(...conditions))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit);
    return rows.map((r) => ({
      ...r.n,
      actor: r.actorId ? { id: r.actorId, nickname: r.actorNickname ?? '', avatarId: r.actorAvatarId } : null,
    }));
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return Number(row?.n ?? 0);
  }

  /** Marks the user's own notifications read; ids of anyone else's are ignored, never touched. */
  async markRead(userId: string, ids: string[] | 'all', now: Date): Promise<void> {
    const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
    await this.db
      .update(notifications)
      .set({ readAt: now })
      .where(ids === 'all' ? mine : and(mine, inArray(notifications.id, ids)));
  }
}
