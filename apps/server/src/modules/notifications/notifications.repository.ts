import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notifications, users } from '../../db/schema.ts';

export type NewNotification = typeof notifications.$inferInsert;
export type NotificationRow = typeof notifications.$inferSelect & {
  actor: { id: string; nickname: string; avatarId: string | null } | null;
};

export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  async insert(rows: NewNotification[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(notifications).values(rows);
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
