import type { ChatKind } from '@erun/contracts';
import { and, desc, eq, getTableColumns, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { chatMessages, chatReads, crews, runCohosts, runParticipants, runs, users } from '../../db/tables.ts';
import { type DbTx, sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import { blockedBy, blockedEitherWay, hasBlocked } from '../blocks/index.ts';

export type ChatMessageRow = typeof chatMessages.$inferSelect;
export type ChatAuthorRow = { id: string; nickname: string; avatarId: string | null };
export type MessageWithAuthor = ChatMessageRow & {
  author: ChatAuthorRow;
  /** The reader blocked the author (set by reads made for one reader). */
  folded?: boolean;
};

/** A chat: a run's or a crew's, by the run's or the crew's id. */
export interface ChatRef {
  kind: ChatKind;
  id: string;
}

/** What the membership check needs about a run and the caller's place in it. */
export interface ChatAccess {
  hostId: string;
  title: string;
  endsAt: Date;
  cancelledAt: Date | null;
  /** The caller's participant status (joined, waitlisted, removed), null when not in the run. */
  status: string | null;
  /** The caller is one of the run's co-hosts (run_cohosts). */
  cohost: boolean;
}

export interface ChatSummaryRow {
  kind: ChatKind;
  id: string;
  title: string;
  startsAt: Date | null;
  endsAt: Date | null;
  cancelledAt: Date | null;
  unreadCount: number;
  muted: boolean;
  last: MessageWithAuthor | null;
}

/** A member who may hear of a new message: their read marker, mute, and whether a push already waits. */
export interface Recipient {
  userId: string;
  nickname: string;
  muted: boolean;
  lastReadAt: Date | null;
  /** A chat_message notification for this chat already came after their last read (coalescing). */
  pending: boolean;
  /** They blocked the author: the message is folded for them and never notifies them. */
  blockedAuthor: boolean;
}

const authorColumns = { id: users.id, nickname: users.nickname, avatarId: users.avatarId };
/** Stored as the read marker when a member mutes a chat they never opened: before every message. */
export const NEVER_READ = new Date(0);

const date = (v: string | Date) => (v instanceof Date ? v : new Date(v));
/** Ids as one JSON parameter: the statement's text is the same for 1 id or 500. */
const idList = (ids: string[]) =>
  sql`(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;

/**
 * Chat messages, read markers and mutes, for run and crew chats. Membership of a run chat is read here from
 * the runs, co-hosts and participants tables in one query (it is checked on every call); a crew chat's
 * membership comes from the crews module's access service, and only the crew's name and existence from here.
 */
export class ChatRepository {
  constructor(private readonly db: Db) {}

  private q(tx?: Tx): Db | DbTx {
    return tx ? sqlOf(tx) : this.db;
  }

  private where(ref: ChatRef): SQL {
    return ref.kind === 'run' ? eq(chatMessages.runId, ref.id) : eq(chatMessages.crewId, ref.id);
  }

  private readWhere(ref: ChatRef, userId: string): SQL | undefined {
    return and(
      ref.kind === 'run' ? eq(chatReads.runId, ref.id) : eq(chatReads.crewId, ref.id),
      eq(chatReads.userId, userId),
    );
  }

  async access(runId: string, userId: string): Promise<ChatAccess | undefined> {
    const [row] = await this.db
      .select({
        hostId: runs.hostId,
        title: runs.title,
        endsAt: runs.endsAt,
        cancelledAt: runs.cancelledAt,
        status: runParticipants.status,
        cohost: sql<boolean>`exists (select 1 from ${runCohosts} c
          where c.run_id = ${runs.id} and c.user_id = ${userId})`,
      })
      .from(runs)
      .leftJoin(runParticipants, and(eq(runParticipants.runId, runs.id), eq(runParticipants.userId, userId)))
      .where(eq(runs.id, runId));
    return row ? { ...row, cohost: Boolean(row.cohost) } : undefined;
  }

  /** A live crew's name, or undefined (no such crew, or deleted). */
  async crewName(crewId: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ name: crews.name })
      .from(crews)
      .where(and(eq(crews.id, crewId), isNull(crews.deletedAt)));
    return row?.name;
  }

  /** Stores a message and returns it with its author, in one statement. */
  async create(tx: Tx, values: typeof chatMessages.$inferInsert): Promise<MessageWithAuthor> {
    const [row] = await this.q(tx)
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
    ref: ChatRef,
    cursor: [string, string] | undefined,
    limit: number,
    reader: string,
  ): Promise<MessageWithAuthor[]> {
    const conditions: SQL[] = [this.where(ref)];
    if (cursor) {
      conditions.push(
        sql`(${chatMessages.createdAt}, ${chatMessages.id}) < (${new Date(cursor[0])}, ${cursor[1]})`,
      );
    }
    const rows = await this.db
      .select({
        message: chatMessages,
        author: authorColumns,
        folded: blockedBy(reader, sql`${chatMessages.authorId}`),
      })
      .from(chatMessages)
      .innerJoin(users, eq(users.id, chatMessages.authorId))
      .where(and(...conditions))
      .orderBy(desc(chatMessages.createdAt), desc(chatMessages.id))
      .limit(limit);
    return rows.map((r) => ({ ...r.message, author: r.author, folded: Boolean(r.folded) }));
  }

  /** The chat's members whom `reader` blocked: their live messages fold for the reader too. */
  async blockedMembers(ref: ChatRef, reader: string): Promise<string[]> {
    const rows = await rawRows<{ id: string }>(
      this.db,
      sql`select m.user_id as id from (${this.membersOf(ref)}) m
        where ${blockedBy(reader, sql`m.user_id`)}`,
    );
    return rows.map((r) => r.id);
  }

  /** Which of these authors `reader` blocked (the chat list's last messages). */
  async blockedAmong(reader: string, authorIds: string[]): Promise<Set<string>> {
    if (authorIds.length === 0) return new Set();
    const rows = await rawRows<{ id: string }>(
      this.db,
      sql`select a.id from ${idList(authorIds)} as a(id) where ${blockedBy(reader, sql`a.id`)}`,
    );
    return new Set(rows.map((r) => r.id));
  }

  /** One message by its id (its chat is on the row). */
  async find(id: string): Promise<ChatMessageRow | undefined> {
    const [row] = await this.db.select().from(chatMessages).where(eq(chatMessages.id, id));
    return row;
  }

  /** Hides it (at) or shows it again (null); the chat it is in when this call changed it, else undefined. */
  async setHidden(
    tx: Tx,
    id: string,
    at: Date | null,
  ): Promise<{ runId: string | null; crewId: string | null } | undefined> {
    const [row] = await this.q(tx)
      .update(chatMessages)
      .set({ hiddenAt: at })
      .where(
        and(eq(chatMessages.id, id), at ? isNull(chatMessages.hiddenAt) : isNotNull(chatMessages.hiddenAt)),
      )
      .returning({ runId: chatMessages.runId, crewId: chatMessages.crewId });
    return row;
  }

  /** The chat's notice: its most recently pinned message. */
  async pinned(ref: ChatRef): Promise<MessageWithAuthor | undefined> {
    const [row] = await this.db
      .select({ message: chatMessages, author: authorColumns })
      .from(chatMessages)
      .innerJoin(users, eq(users.id, chatMessages.authorId))
      .where(and(this.where(ref), isNotNull(chatMessages.pinnedAt)))
      .orderBy(desc(chatMessages.pinnedAt), desc(chatMessages.id))
      .limit(1);
    return row ? { ...row.message, author: row.author } : undefined;
  }

  /** Pins (at) or unpins (null) one message of the chat; false when the chat has no such message. */
  async setPinned(ref: ChatRef, messageId: string, at: Date | null): Promise<boolean> {
    const rows = await this.db
      .update(chatMessages)
      .set({ pinnedAt: at })
      .where(and(this.where(ref), eq(chatMessages.id, messageId)))
      .returning({ id: chatMessages.id });
    return rows.length > 0;
  }

  async readState(ref: ChatRef, userId: string): Promise<{ lastReadAt: Date | null; muted: boolean }> {
    const [row] = await this.db
      .select({ at: chatReads.lastReadAt, muted: chatReads.muted })
      .from(chatReads)
      .where(this.readWhere(ref, userId));
    if (!row) return { lastReadAt: null, muted: false };
    return { lastReadAt: row.at.getTime() <= NEVER_READ.getTime() ? null : row.at, muted: row.muted };
  }

  /** Moves my read marker forward to `at` (never back: an older tab cannot undo a newer read). */
  async markRead(ref: ChatRef, userId: string, at: Date, tx?: Tx): Promise<void> {
    const key = ref.kind === 'run' ? { runId: ref.id } : { crewId: ref.id };
    await this.q(tx)
      .insert(chatReads)
      .values({ ...key, userId, lastReadAt: at })
      .onConflictDoUpdate({
        target:
          ref.kind === 'run' ? [chatReads.runId, chatReads.userId] : [chatReads.crewId, chatReads.userId],
        set: { lastReadAt: sql`greatest(${chatReads.lastReadAt}, excluded.last_read_at)` },
      });
  }

  async setMuted(ref: ChatRef, userId: string, muted: boolean): Promise<void> {
    const key = ref.kind === 'run' ? { runId: ref.id } : { crewId: ref.id };
    await this.db
      .insert(chatReads)
      .values({ ...key, userId, lastReadAt: NEVER_READ, muted })
      .onConflictDoUpdate({
        target:
          ref.kind === 'run' ? [chatReads.runId, chatReads.userId] : [chatReads.crewId, chatReads.userId],
        set: { muted },
      });
  }

  /** The user ids of the chat's members: a run's host, co-hosts and joined runners; a crew's members. */
  private membersOf(ref: ChatRef): SQL {
    return ref.kind === 'run'
      ? sql`select r.host_id as user_id from runs r where r.id = ${ref.id}
          union select c.user_id from run_cohosts c where c.run_id = ${ref.id}
          union select p.user_id from run_participants p where p.run_id = ${ref.id} and p.status = 'joined'`
      : sql`select m.user_id from crew_members m join crews c on c.id = m.crew_id and c.deleted_at is null
          where m.crew_id = ${ref.id} and m.status = 'member'`;
  }

  /**
   * Everyone who can be @mentioned in the chat, by nickname, as suggested to `reader`: nobody the reader
   * blocked or who blocked them (DOMAIN.md: neither is suggested to the other).
   */
  async members(ref: ChatRef, reader: string): Promise<ChatAuthorRow[]> {
    const rows = await rawRows<{ id: string; nickname: string; avatar_id: string | null }>(
      this.db,
      sql`select u.id, u.nickname, u.avatar_id from (${this.membersOf(ref)}) m
        join users u on u.id = m.user_id and u.deleted_at is null
        where not ${blockedEitherWay(reader, sql`u.id`)}
        order by u.nickname limit 500`,
    );
    return rows.map((r) => ({ id: r.id, nickname: r.nickname, avatarId: r.avatar_id }));
  }

  /**
   * The chat's members other than the author, each with their read marker, mute, and whether a chat_message
   * notification with this link came after their last read (then it still waits: no second one).
   */
  async recipients(tx: Tx, ref: ChatRef, authorId: string, link: string): Promise<Recipient[]> {
    const read = ref.kind === 'run' ? sql`cr.run_id = ${ref.id}` : sql`cr.crew_id = ${ref.id}`;
    const rows = await rawRows<{
      user_id: string;
      nickname: string;
      muted: boolean | null;
      last_read_at: string | Date | null;
      pending: boolean;
      blocked_author: boolean;
    }>(
      sqlOf(tx),
      sql`select u.id as user_id, u.nickname, cr.muted, cr.last_read_at,
          exists (select 1 from notifications n
            where n.user_id = u.id and n.category = 'chat_message' and n.link = ${link}
              and n.created_at > coalesce(cr.last_read_at, '-infinity'::timestamptz)) as pending,
          ${hasBlocked(sql`u.id`, sql`${authorId}::uuid`)} as blocked_author
        from (${this.membersOf(ref)}) m
        join users u on u.id = m.user_id and u.deleted_at is null
        left join chat_reads cr on ${read} and cr.user_id = u.id
        where u.id <> ${authorId}`,
    );
    return rows.map((r) => ({
      userId: r.user_id,
      nickname: r.nickname,
      muted: r.muted ?? false,
      lastReadAt: r.last_read_at === null ? null : date(r.last_read_at),
      pending: Boolean(r.pending),
      blockedAuthor: Boolean(r.blocked_author),
    }));
  }

  /** Each user's unread messages over all their chats (0 for users with none). */
  async totalUnread(userIds: string[]): Promise<Map<string, number>> {
    const totals = new Map(userIds.map((id) => [id, 0]));
    if (userIds.length === 0) return totals;
    const ids = idList(userIds);
    const rows = await rawRows<{ user_id: string; unread: number | string }>(
      this.db,
      sql`
      with mine as (
        select r.host_id as user_id, r.id as run_id, null::uuid as crew_id from runs r where r.host_id in ${ids}
        union select c.user_id, c.run_id, null::uuid from run_cohosts c where c.user_id in ${ids}
        union select p.user_id, p.run_id, null::uuid from run_participants p
          where p.user_id in ${ids} and p.status = 'joined'
        union select m.user_id, null::uuid, m.crew_id from crew_members m
          join crews c on c.id = m.crew_id and c.deleted_at is null
          where m.user_id in ${ids} and m.status = 'member'
      )
      select mine.user_id, sum(
        (select count(*) from chat_messages x
          where (x.run_id = mine.run_id or x.crew_id = mine.crew_id) and x.author_id <> mine.user_id
            and x.created_at > coalesce(cr.last_read_at, '-infinity'::timestamptz))
      ) as unread
      from mine
      left join chat_reads cr on cr.user_id = mine.user_id
        and (cr.run_id = mine.run_id or cr.crew_id = mine.crew_id)
      group by mine.user_id`,
    );
    for (const r of rows) totals.set(r.user_id, Number(r.unread));
    return totals;
  }

  /**
   * The run chats (hosted, co-hosted, joined) and crew chats (member) I am in, with how many messages by
   * others came after my read marker and the latest message; most recently active first (a chat without
   * messages by its run's start, or when I joined the crew).
   */
  async summaries(userId: string, limit: number): Promise<ChatSummaryRow[]> {
    const rows = await rawRows<{
      kind: ChatKind;
      id: string;
      title: string;
      starts_at: string | Date | null;
      ends_at: string | Date | null;
      cancelled_at: string | Date | null;
      active_at: string | Date;
      muted: boolean | null;
      unread: number | string;
      m_id: string | null;
      m_author_id: string | null;
      m_content: string | null;
      m_created_at: string | Date | null;
      m_pinned_at: string | Date | null;
      m_hidden_at: string | Date | null;
      a_nickname: string | null;
      a_avatar_id: string | null;
    }>(
      this.db,
      sql`
      select * from (
        select 'run' as kind, r.id, r.title, r.starts_at, r.ends_at, r.cancelled_at, cr.muted,
          coalesce(m.created_at, r.starts_at) as active_at,
          (select count(*) from chat_messages u
            where u.run_id = r.id and u.author_id <> ${userId}
              and u.created_at > coalesce(cr.last_read_at, '-infinity'::timestamptz)) as unread,
          m.id as m_id, m.author_id as m_author_id, m.content as m_content, m.created_at as m_created_at,
          m.pinned_at as m_pinned_at, m.hidden_at as m_hidden_at, a.nickname as a_nickname, a.avatar_id as a_avatar_id
        from runs r
        left join chat_reads cr on cr.run_id = r.id and cr.user_id = ${userId}
        left join lateral (
          select * from chat_messages lm where lm.run_id = r.id
          order by lm.created_at desc, lm.id desc limit 1
        ) m on true
        left join users a on a.id = m.author_id
        where r.host_id = ${userId}
          or exists (select 1 from run_cohosts c where c.run_id = r.id and c.user_id = ${userId})
          or exists (select 1 from run_participants p
            where p.run_id = r.id and p.user_id = ${userId} and p.status = 'joined')
        union all
        select 'crew' as kind, c.id, c.name, null::timestamptz, null::timestamptz, null::timestamptz, cr.muted,
          coalesce(m.created_at, cm.created_at) as active_at,
          (select count(*) from chat_messages u
            where u.crew_id = c.id and u.author_id <> ${userId}
              and u.created_at > coalesce(cr.last_read_at, '-infinity'::timestamptz)) as unread,
          m.id, m.author_id, m.content, m.created_at, m.pinned_at, m.hidden_at, a.nickname, a.avatar_id
        from crew_members cm
        join crews c on c.id = cm.crew_id and c.deleted_at is null
        left join chat_reads cr on cr.crew_id = c.id and cr.user_id = ${userId}
        left join lateral (
          select * from chat_messages lm where lm.crew_id = c.id
          order by lm.created_at desc, lm.id desc limit 1
        ) m on true
        left join users a on a.id = m.author_id
        where cm.user_id = ${userId} and cm.status = 'member'
      ) chats
      order by active_at desc, id desc
      limit ${limit}
    `,
    );
    return rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      title: r.title,
      startsAt: r.starts_at ? date(r.starts_at) : null,
      endsAt: r.ends_at ? date(r.ends_at) : null,
      cancelledAt: r.cancelled_at ? date(r.cancelled_at) : null,
      unreadCount: Number(r.unread),
      muted: r.muted ?? false,
      last:
        r.m_id && r.m_author_id && r.m_content !== null && r.m_created_at
          ? {
              id: r.m_id,
              runId: r.kind === 'run' ? r.id : null,
              crewId: r.kind === 'crew' ? r.id : null,
              pinnedAt: r.m_pinned_at ? date(r.m_pinned_at) : null,
              hiddenAt: r.m_hidden_at ? date(r.m_hidden_at) : null,
              authorId: r.m_author_id,
              content: r.m_content,
              createdAt: date(r.m_created_at),
              author: { id: r.m_author_id, nickname: r.a_nickname ?? '', avatarId: r.a_avatar_id },
            }
          : null,
    }));
  }
}
