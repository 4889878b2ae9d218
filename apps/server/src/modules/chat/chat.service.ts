import {
  CHAT_EVENTS,
  CHAT_OPEN_AFTER_END_MS,
  type ChatList,
  type ChatMessage,
  type ChatPage,
} from '@erun/contracts';
import { ConflictError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import { chatRoom, type Realtime } from '../../ports/realtime.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { runNotFound } from '../runs/runs.service.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type { ChatAccess, ChatRepository, MessageWithAuthor } from './chat.repository.ts';

const CHAT_LIST_LIMIT = 50;

/**
 * A run's group chat. Members are the host and the participants whose status is `joined`: the waitlisted,
 * the removed, those who left and everyone else get 404 like a missing run (DESIGN.md), on every call.
 *
 * A chat is open for writing until its run's end + 7 days, then read-only (409 CHAT_CLOSED; reading and the
 * read marker stay). A cancelled run keeps its chat by the same rule: its members still read it and can talk
 * (about a new date, say) until the planned end + 7 days — cancelling takes nobody out of the run.
 */
export class ChatService {
  constructor(
    private readonly repo: ChatRepository,
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
    private readonly realtime: Realtime,
  ) {}

  /** For the socket's `chat:join`: may this user be in the run's chat room? */
  async isMember(runId: string, userId: string): Promise<boolean> {
    return isMember(await this.repo.access(runId, userId), userId);
  }

  async list(runId: string, userId: string, cursor: string | undefined, limit: number): Promise<ChatPage> {
    const access = await this.requireMember(runId, userId);
    const decoded = decodeCursor(cursor, 'time');
    const [rows, lastReadAt] = await Promise.all([
      this.repo.list(runId, decoded, limit + 1),
      this.repo.lastReadAt(runId, userId),
    ]);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const closesAt = closesAtOf(access);
    return {
      items: items.map((r) => this.toMessage(r)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
      lastReadAt: lastReadAt?.toISOString() ?? null,
      closesAt: closesAt.toISOString(),
      closed: this.clock.now() > closesAt,
    };
  }

  /** Stores the message, then pushes it to the run's chat room on every process. */
  async send(runId: string, userId: string, content: string): Promise<ChatMessage> {
    const access = await this.requireMember(runId, userId);
    const now = this.clock.now();
    if (now > closesAtOf(access)) {
      throw new ConflictError('CHAT_CLOSED', 'This chat is read-only since 7 days after the run');
    }
    const row = await this.repo.create({ runId, authorId: userId, content, createdAt: now });
    const message = this.toMessage(row);
    this.realtime.toRoom(chatRoom(runId), CHAT_EVENTS.message, message);
    // Writing means having read everything before it.
    await this.repo.markRead(runId, userId, now);
    return message;
  }

  async markRead(runId: string, userId: string): Promise<void> {
    await this.requireMember(runId, userId);
    await this.repo.markRead(runId, userId, this.clock.now());
  }

  async chats(userId: string): Promise<ChatList> {
    const rows = await this.repo.summaries(userId, CHAT_LIST_LIMIT);
    const now = this.clock.now();
    return {
      items: rows.map((r) => {
        const closesAt = closesAtOf(r);
        return {
          runId: r.runId,
          title: r.title,
          startsAt: r.startsAt.toISOString(),
          closesAt: closesAt.toISOString(),
          closed: now > closesAt,
          cancelled: r.cancelledAt !== null,
          unreadCount: r.unreadCount,
          lastMessage: r.last ? this.toMessage(r.last) : null,
        };
      }),
    };
  }

  /** Someone lost access (left or was removed): their open sockets stop hearing the chat. */
  revoke(runId: string, userIds: string[]): void {
    this.realtime.leaveRoom(userIds, chatRoom(runId));
  }

  private async requireMember(runId: string, userId: string): Promise<ChatAccess> {
    const access = await this.repo.access(runId, userId);
    if (!access || !isMember(access, userId)) throw runNotFound();
    return access;
  }

  private toMessage(row: MessageWithAuthor): ChatMessage {
    return {
      id: row.id,
      // Run chats only until crew chats arrive (their messages carry crewId instead).
      runId: row.runId ?? '',
      author: {
        id: row.author.id,
        nickname: row.author.nickname,
        avatar: row.author.avatarId ? this.uploads.imageOf(row.author.avatarId) : null,
      },
      content: row.content,
      createdAt: row.createdAt.toISOString(),
    };
  }
}

function isMember(access: ChatAccess | undefined, userId: string): access is ChatAccess {
  return access !== undefined && (access.hostId === userId || access.status === 'joined');
}

function closesAtOf(run: { endsAt: Date }): Date {
  return new Date(run.endsAt.getTime() + CHAT_OPEN_AFTER_END_MS);
}
