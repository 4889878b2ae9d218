import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { notifications, users } from '../../db/schema.ts';

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

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The inserted row's columns, qualified by the table's name: Drizzle writes a column in RETURNING without
 * its table, and inside a subquery over `notifications c` a bare "user_id" would be c's own.
 */
const INSERTED = {
  userId: sql.raw('"notifications"."user_id"'),
  actorId: sql.raw('"notifications"."actor_id"'),
};

/**
 * Stores notifications (in the caller's transaction, when given one) and returns, from the same statement,
 * what to announce: each user's newest new row with its actor, and their unread count. Nothing is read
 * again after the commit, so a live notification leaves as soon as the change is committed.
 */
export async function storeNotifications(db: Db | Tx, rows: NewNotification[]): Promise<Announcement[]> {
  if (rows.length === 0) return [];
  const stored = await db
    .insert(notifications)
    .values(rows)
    .returning({
      id: notifications.id,
      userId: notifications.userId,
      category: notifications.category,
      runId: notifications.runId,
      actorId: notifications.actorId,
      data: notifications.data,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      actorNickname: sql<string | null>`(select a.nickname from ${users} a where a.id = ${INSERTED.actorId})`,
      actorAvatarId: sql<
        string | null
      >`(select a.avatar_id from ${users} a where a.id = ${INSERTED.actorId})`,
      // The statement's snapshot does not hold the rows it inserts: those are added below.
      unreadBefore: sql<number>`(select count(*)::int from ${notifications} c
        where c.user_id = ${INSERTED.userId} and c.read_at is null)`,
    });
  const byUser = new Map<string, Announcement>();
  for (const { actorNickname, actorAvatarId, unreadBefore, ...row } of stored) {
    const before = byUser.get(row.userId);
    byUser.set(row.userId, {
      userId: row.userId,
      latest: {
        ...row,
        actor: row.actorId
          ? { id: row.actorId, nickname: actorNickname ?? '', avatarId: actorAvatarId }
          : null,
      },
      unreadCount: (before?.unreadCount ?? Number(unreadBefore)) + 1,
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
    const rows = await rawRows<{
      user_id: string;
      unread: number;
      id: string | null;
      category: string;
      actor_id: string | null;
      actor_nickname: string | null;
      actor_avatar_id: string | null;
      run_id: string | null;
      data: Record<string, string | number | null>;
      link: string;
      read_at: string | Date | null;
      created_at: string | Date;
    }>(
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
      latest:
        r.id === null
          ? null
          : {
              id: r.id,
              userId: r.user_id,
              category: r.category,
              actorId: r.actor_id,
              runId: r.run_id,
              data: r.data,
              link: r.link,
              readAt: r.read_at === null ? null : new Date(r.read_at),
              createdAt: new Date(r.created_at),
              actor: r.actor_id
                ? { id: r.actor_id, nickname: r.actor_nickname ?? '', avatarId: r.actor_avatar_id }
                : null,
            },
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
