import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { chatMessages, chatReads, runParticipants, runs, users } from '../../db/tables.ts';

export type ChatMessageRow = typeof chatMessages.$inferSelect;
export type ChatAuthorRow = { id: string; nickname: string; avatarId: string | null };
export type MessageWithAuthor = ChatMessageRow & { author: ChatAuthorRow };

/** What the membership check needs about a run and the caller's place in it. */
export interface ChatAccess {
  hostId: string;
  title: string;
  endsAt: Date;
  cancelledAt: Date | null;
  /** The caller's participant status (joined, waitlisted, removed), null when not in the run. */
  status: string | null;
}

export interface ChatSummaryRow {
  runId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  cancelledAt: Date | null;
  unreadCount: number;
  last: MessageWithAuthor | null;
}

const authorColumns = { id: users.id, nickname: users.nickname, avatarId: users.avatarId };

/**
 * Chat messages and read markers. Membership is read here in one query from the runs and participants
 * tables (it is checked on every call, so it must be one round trip).
 */
export class ChatRepository {
  constructor(private readonly db: Db) {}

  async access(runId: string, userId: string): Promise<ChatAccess | undefined> {
    const [row] = await this.db
      .select({
        hostId: runs.hostId,
        title: runs.title,
        endsAt: runs.endsAt,
        cancelledAt: runs.cancelledAt,
        status: runParticipants.status,
      })
      .from(runs)
      .leftJoin(runParticipants, and(eq(runParticipants.runId, runs.id), eq(runParticipants.userId, userId)))
      .where(eq(runs.id, runId));
    return row;
  }

  /** Stores a message and returns it with its author, in one statement. */
  async create(values: typeof chatMessages.$inferInsert): Promise<MessageWithAuthor> {
    const [row] = await this.db
      .insert(chatMessages)
      .values(values)
      .returning({
        ...getTableColumns(chatMessages),
        authorNickname: sql<
          string | null
        >`(select a.nickname from ${users} a where a.id = ${sql.raw('"chat_messages"."author_id"')})`,
        authorAvatarId: sql<
          string | null
        >`(select a.avatar_id from ${users} a where a.id = ${sql.raw('"chat_messages"."author_id"')})`,
      });
    if (!row) throw new Error('insert returned no row');
    const { authorNickname, authorAvatarId, ...message } = row;
    if (authorNickname === null) throw new Error('message author missing');
    return {
      ...message,
      author: { id: message.authorId, nickname: authorNickname, avatarId: authorAvatarId },
    };
  }

  /** Newest first; cursor = (createdAt, id) of the last message of the previous page. */
  async list(
    runId: string,
    cursor: [string, string] | undefined,
    limit: number,
  ): Promise<MessageWithAuthor[]> {
    const conditions: SQL[] = [eq(chatMessages.runId, runId)];
    if (cursor) {
      conditions.push(
        sql`(${chatMessages.createdAt}, ${chatMessages.id}) < (${new Date(cursor[0])}, ${cursor[1]})`,
      );
    }
    const rows = await this.db
      .select({ message: chatMessages, author: authorColumns })
      .from(chatMessages)
      .innerJoin(users, eq(users.id, chatMessages.authorId))
      .where(and(...conditions))
      .orderBy(desc(chatMessages.createdAt), desc(chatMessages.id))
      .limit(limit);
    return rows.map((r) => ({ ...r.message, author: r.author }));
  }

  async lastReadAt(runId: string, userId: string): Promise<Date | null> {
    const [row] = await this.db
      .select({ at: chatReads.lastReadAt })
      .from(chatReads)
      .where(and(eq(chatReads.runId, runId), eq(chatReads.userId, userId)));
    return row?.at ?? null;
  }

  /** Moves my read marker forward to `at` (never back: an older tab cannot undo a newer read). */
  async markRead(runId: string, userId: string, at: Date): Promise<void> {
    await this.db
      .insert(chatReads)
      .values({ runId, userId, lastReadAt: at })
      .onConflictDoUpdate({
        target: [chatReads.runId, chatReads.userId],
        set: { lastReadAt: sql`greatest(${chatReads.lastReadAt}, excluded.last_read_at)` },
      });
  }

  /**
   * The runs whose chat I can read (hosted, or joined), with how many messages by others came after my read
   * marker and the latest message; most recently active first.
   */
  async summaries(userId: string, limit: number): Promise<ChatSummaryRow[]> {
    const rows = await rawRows<{
      run_id: string;
      title: string;
      starts_at: string | Date;
      ends_at: string | Date;
      cancelled_at: string | Date | null;
      unread: number | string;
      m_id: string | null;
      m_author_id: string | null;
      m_content: string | null;
      m_created_at: string | Date | null;
      a_nickname: string | null;
      a_avatar_id: string | null;
    }>(
      this.db,
      sql`
      select r.id as run_id, r.title, r.starts_at, r.ends_at, r.cancelled_at,
        (select count(*) from chat_messages u
          where u.run_id = r.id and u.author_id <> ${userId}
            and u.created_at > coalesce(cr.last_read_at, '-infinity'::timestamptz)) as unread,
        m.id as m_id, m.author_id as m_author_id, m.content as m_content, m.created_at as m_created_at,
        a.nickname as a_nickname, a.avatar_id as a_avatar_id
      from runs r
      left join chat_reads cr on cr.run_id = r.id and cr.user_id = ${userId}
      left join lateral (
        select * from chat_messages lm where lm.run_id = r.id
        order by lm.created_at desc, lm.id desc limit 1
      ) m on true
      left join users a on a.id = m.author_id
      where r.host_id = ${userId}
        or exists (select 1 from run_participants p
          where p.run_id = r.id and p.user_id = ${userId} and p.status = 'joined')
      order by coalesce(m.created_at, r.starts_at) desc, r.id desc
      limit ${limit}
    `,
    );
    const date = (v: string | Date) => (v instanceof Date ? v : new Date(v));
    return rows.map((r) => ({
      runId: r.run_id,
      title: r.title,
      startsAt: date(r.starts_at),
      endsAt: date(r.ends_at),
      cancelledAt: r.cancelled_at ? date(r.cancelled_at) : null,
      unreadCount: Number(r.unread),
      last:
        r.m_id && r.m_author_id && r.m_content !== null && r.m_created_at
          ? {
              id: r.m_id,
              runId: r.run_id,
              crewId: null,
              pinnedAt: null,
              authorId: r.m_author_id,
              content: r.m_content,
              createdAt: date(r.m_created_at),
              author: { id: r.m_author_id, nickname: r.a_nickname ?? '', avatarId: r.a_avatar_id },
            }
          : null,
    }));
  }
}
