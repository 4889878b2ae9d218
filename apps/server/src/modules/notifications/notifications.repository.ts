import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { notifications, users } from '../../db/tables.ts';

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
  category: string;
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
 * Stores notifications (in the caller's transaction, when given one) and returns, from the same statement,
 * what to announce: each user's newest new row with its actor, and their unread count. Nothing is read
 * again after the commit, so a live notification leaves as soon as the change is committed.
 *
 * The rows travel as ONE JSON parameter, so the statement's text is the same for 1 row or 100: a run
 * cancelled under 99 runners costs no 600-placeholder query to build, send and plan.
 */
export async function storeNotifications(db: Db | Tx, rows: NewNotification[]): Promise<Announcement[]> {
  if (rows.length === 0) return [];
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
  const stored = await rawRows<RawNotification & { unread_before: number }>(
    db,
    sql`
    with inserted as (
      insert into ${notifications} (user_id, category, run_id, actor_id, data, link, read_at, created_at)
      select r.user_id, r.category, r.run_id, r.actor_id, r.data, r.link, r.read_at, coalesce(r.created_at, now())
      from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as r(user_id uuid, category text, run_id uuid,
        actor_id uuid, data jsonb, link text, read_at timestamptz, created_at timestamptz)
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
  for (const r of stored) {
    const before = byUser.get(r.user_id);
    byUser.set(r.user_id, {
      userId: r.user_id,
      latest: fromRaw(r),
      unreadCount: (before?.unreadCount ?? Number(r.unread_before)) + 1,
    });
  }
  return [...byUser.values()];
}

export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  async insert(rows: NewNotification[]): Promise<Announcement[]> {
    return storeNotifications(this.db, rows);
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

  /**
   * For each user, their newest notification (null when none) and unread count, in ONE statement however
   * many users: what `announce` tells their open tabs after a change.
   */
  async latestAndUnread(userIds: string[]): Promise<Announcement[]> {
    if (userIds.length === 0) return [];
    const rows = await rawRows<Omit<RawNotification, 'id'> & { id: string | null; unread: number }>(
      this.db,
      sql`
      select u.id as user_id,
        (select count(*)::int from ${notifications} c where c.user_id = u.id and c.read_at is null) as unread,
        l.id, l.category, l.actor_id, l.actor_nickname, l.actor_avatar_id, l.run_id, l.data, l.link,
        l.read_at, l.created_at
      from unnest(${`{${userIds.join(',')}}`}::uuid[]) as u(id)
      left join lateral (
        select n.id, n.category, n.actor_id, a.nickname as actor_nickname, a.avatar_id as actor_avatar_id,
          n.run_id, n.data, n.link, n.read_at, n.created_at
        from ${notifications} n left join ${users} a on a.id = n.actor_id
        where n.user_id = u.id
        order by n.created_at desc, n.id desc
        limit 1
      ) l on true`,
    );
    return rows.map((r) => ({
      userId: r.user_id,
      unreadCount: Number(r.unread),
      latest: r.id === null ? null : fromRaw({ ...r, id: r.id }),
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
