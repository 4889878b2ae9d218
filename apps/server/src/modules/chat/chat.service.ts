import {
  CHAT_EVENTS,
  CHAT_OPEN_AFTER_END_MS,
  mentionRanges,
  type ChatKind,
  type ChatList,
  type ChatMembers,
  type ChatMessage,
  type ChatPage,
} from '@erun/contracts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import { chatRoom, crewChatRoom, type Realtime, type UserEvent } from '../../ports/realtime.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { TargetOwner } from '../reports/reports.types.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import type { CrewAccessService } from '../crews/index.ts';
import { isStaffRole } from '../crews/index.ts';
import type { NewNotification, NotificationsService } from '../notifications/notifications.service.ts';
import { runNotFound } from '../runs/runs.service.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type { ChatAccess, ChatRef, ChatRepository, MessageWithAuthor, Recipient } from './chat.repository.ts';

const messageNotFound = () => new NotFoundError('NOT_FOUND', 'No such message');

const CHAT_LIST_LIMIT = 50;
/**
 * A member whose read marker moved this recently is taken to be looking at the chat (an open chat marks
 * read as messages arrive): no push for them.
 */
export const LOOKING_MS = 60_000;

/** What a caller is in a chat, once the membership check passed. */
interface Membership {
  ref: ChatRef;
  title: string;
  /** Run chats close 7 days after the run; crew chats never. */
  closesAt: Date | null;
  /**
   * May pin and unpin: whoever manages the run (host, co-hosts, staff of its crew: `RunsService.canManage`),
   * the crew's owner or staff. Asked only where it matters (a page, a pin), not on every message.
   */
  canPin: () => Promise<boolean>;
}

/**
 * Group chats: a run's and a crew's.
 *
 * A run's chat: members are the host, the co-hosts (run_cohosts) and the participants whose status is
 * `joined`: the waitlisted, the removed, those who left and everyone else get 404 like a missing run
 * (DESIGN.md), on every call. It is open for writing until its run's end + 7 days, then read-only
 * (409 CHAT_CLOSED; reading and the read marker stay). A cancelled run keeps its chat by the same rule.
 *
 * A crew's chat: members are the crew's members (any role, `services.crewAccess`); others get
 * 403 NOT_CREW_MEMBER, a missing or deleted crew 404 CREW_NOT_FOUND. It never closes. Whoever is removed from
 * the crew stops hearing it (`revokeCrew`, called by the crews module after the removal commits).
 *
 * Notifications of a new message (in the message's unit of work, through NotificationsService.notify):
 * - `chat_mention` to every member named "@닉네임" in it (exact nickname), even when they muted the chat;
 *   never the author, never a non-member (a nickname that is not a member's is plain text).
 * - `chat_message` to every other member who did not mute the chat, is not looking at it (read marker moved
 *   within LOOKING_MS) and has no chat_message notification for this chat since their last read. So a busy
 *   chat gives each member at most ONE chat_message notification (and push) until they read it: the next
 *   messages are skipped, not stacked, and the notification list never fills with a row per message.
 *   Reading the chat re-arms it.
 * - neither to a member who blocked the author (their copy is folded; DOMAIN.md "Safety and reliability").
 * Then, after commit, the message goes to the chat's room and every member's own room hears
 * `chats:changed` with their new unread total (also when they read a chat, for their other tabs).
 *
 * A pinned notice: the chat's latest pinned message (`pinned` in every page, `chat:pinned` live).
 */
export class ChatService {
  constructor(
    private readonly repo: ChatRepository,
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
    private readonly realtime: Realtime,
    private readonly deps: {
      uow: UnitOfWork;
      notifications: NotificationsService;
      crewAccess: CrewAccessService;
      /** Whether the user manages the run: its host, a co-host or staff of its crew (RunsService). */
      canManageRun: (runId: string, userId: string) => Promise<boolean>;
      onError?: (error: unknown) => void;
    },
  ) {}

  /** For the socket's `chat:join`: may this user be in the run's chat room? */
  async isMember(runId: string, userId: string): Promise<boolean> {
    return isRunMember(await this.repo.access(runId, userId), userId);
  }

  /** For the socket's `crew-chat:join`: may this user be in the crew's chat room? */
  async isCrewMember(crewId: string, userId: string): Promise<boolean> {
    return this.deps.crewAccess.isMember(crewId, userId);
  }

  async list(
    kind: ChatKind,
    id: string,
    userId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<ChatPage> {
    // A bad cursor is the caller's mistake whoever they are: 400 before any access check.
    const decoded = decodeCursor(cursor, 'time');
    const member = await this.requireMember(kind, id, userId);
    const [rows, state, pinned, canPin, foldedAuthorIds] = await Promise.all([
      this.repo.list(member.ref, decoded, limit + 1, userId),
      this.repo.readState(member.ref, userId),
      this.repo.pinned(member.ref),
      member.canPin(),
      this.repo.blockedMembers(member.ref, userId),
    ]);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const { closesAt } = member;
    return {
      items: items.map((r) => this.toMessage(r, userId)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
      lastReadAt: state.lastReadAt?.toISOString() ?? null,
      closesAt: closesAt?.toISOString() ?? null,
      closed: closesAt !== null && this.clock.now() > closesAt,
      pinned: pinned
        ? { ...this.toMessage(pinned, userId), folded: foldedAuthorIds.includes(pinned.authorId) }
        : null,
      muted: state.muted,
      canPin,
      foldedAuthorIds,
    };
  }

  /** Stores the message and its notifications, then pushes it to the chat's room on every process. */
  async send(kind: ChatKind, id: string, userId: string, content: string): Promise<ChatMessage> {
    const member = await this.requireMember(kind, id, userId);
    const now = this.clock.now();
    if (member.closesAt && now > member.closesAt) {
      throw new ConflictError('CHAT_CLOSED', 'This chat is read-only since 7 days after the run');
    }
    const { ref } = member;
    const link = linkOf(ref);
    const { message, recipients } = await this.deps.uow.run(async (tx) => {
      const row = await this.repo.create(tx, {
        ...(ref.kind === 'run' ? { runId: ref.id } : { crewId: ref.id }),
        authorId: userId,
        content,
        createdAt: now,
      });
      const recipients = await this.repo.recipients(tx, ref, userId, link);
      await this.deps.notifications.notify(tx, this.noticesOf(recipients, row, member, now));
      // Writing means having read everything before it.
      await this.repo.markRead(ref, userId, now, tx);
      return { message: this.toMessage(row, null), recipients };
    });
    this.realtime.toRoom(roomOf(ref), CHAT_EVENTS.message, message);
    this.announceUnread([userId, ...recipients.map((r) => r.userId)]);
    return message;
  }

  private noticesOf(
    recipients: Recipient[],
    row: MessageWithAuthor,
    member: Membership,
    now: Date,
  ): NewNotification[] {
    const named = new Set(
      mentionRanges(
        row.content,
        recipients.map((r) => r.nickname),
      ).map((m) => m.nickname),
    );
    const link = linkOf(member.ref);
    const base = {
      runId: member.ref.kind === 'run' ? member.ref.id : null,
      actorId: row.authorId,
      data: { title: member.title },
      link,
      createdAt: now,
    };
    const rows: NewNotification[] = [];
    for (const r of recipients) {
      // Folded for whoever blocked the author: no mention, no message notice (DOMAIN.md: blocking).
      if (r.blockedAuthor) continue;
      if (named.has(r.nickname)) {
        rows.push({ ...base, userId: r.userId, category: 'chat_mention' });
        continue;
      }
      const looking = r.lastReadAt !== null && now.getTime() - r.lastReadAt.getTime() < LOOKING_MS;
      if (r.muted || r.pending || looking) continue;
      rows.push({ ...base, userId: r.userId, category: 'chat_message' });
    }
    return rows;
  }

  async markRead(kind: ChatKind, id: string, userId: string): Promise<void> {
    const { ref } = await this.requireMember(kind, id, userId);
    await this.repo.markRead(ref, userId, this.clock.now());
    this.announceUnread([userId]);
  }

  async setMuted(kind: ChatKind, id: string, userId: string, muted: boolean): Promise<void> {
    const { ref } = await this.requireMember(kind, id, userId);
    await this.repo.setMuted(ref, userId, muted);
  }

  async members(kind: ChatKind, id: string, userId: string): Promise<ChatMembers> {
    const { ref } = await this.requireMember(kind, id, userId);
    const rows = await this.repo.members(ref, userId);
    return { items: rows.map((r) => this.toAuthor(r)) };
  }

  /** Pins a message of the chat as its notice (or unpins it); the room hears the notice now in force. */
  async pin(kind: ChatKind, id: string, userId: string, messageId: string, pinned: boolean): Promise<void> {
    const member = await this.requireMember(kind, id, userId);
    if (!(await member.canPin())) {
      throw kind === 'run'
        ? new ForbiddenError('NOT_HOST', 'Only the host, co-hosts or crew staff can pin a notice')
        : new ForbiddenError('NOT_CREW_STAFF', 'Only the crew staff can pin a notice');
    }
    const found = await this.repo.setPinned(member.ref, messageId, pinned ? this.clock.now() : null);
    if (!found) throw new NotFoundError('NOT_FOUND', 'No such message in this chat');
    const now = await this.repo.pinned(member.ref);
    this.realtime.toRoom(roomOf(member.ref), CHAT_EVENTS.pinned, {
      kind,
      id,
      pinned: now ? this.toMessage(now, null) : null,
    });
  }

  async chats(userId: string): Promise<ChatList> {
    const [rows, totals] = await Promise.all([
      this.repo.summaries(userId, CHAT_LIST_LIMIT),
      this.repo.totalUnread([userId]),
    ]);
    const blocked = await this.repo.blockedAmong(userId, [
      ...new Set(rows.flatMap((r) => (r.last ? [r.last.authorId] : []))),
    ]);
    const now = this.clock.now();
    return {
      items: rows.map((r) => {
        const closesAt = r.endsAt ? closesAtOf({ endsAt: r.endsAt }) : null;
        return {
          kind: r.kind,
          id: r.id,
          title: r.title,
          startsAt: r.startsAt?.toISOString() ?? null,
          closesAt: closesAt?.toISOString() ?? null,
          closed: closesAt !== null && now > closesAt,
          cancelled: r.cancelledAt !== null,
          unreadCount: r.unreadCount,
          muted: r.muted,
          lastMessage: r.last
            ? { ...this.toMessage(r.last, userId), folded: blocked.has(r.last.authorId) }
            : null,
        };
      }),
      unreadCount: totals.get(userId) ?? 0,
    };
  }

  /**
   * For reports (a ModerationTarget): the message's author and crew (a crew chat's), when the reader is a
   * member of its chat and it is not hidden from them; else 404.
   */
  async reportTarget(messageId: string, readerId: string): Promise<TargetOwner> {
    const row = await this.repo.find(messageId);
    if (!row || (row.hiddenAt !== null && row.authorId !== readerId)) throw messageNotFound();
    const kind: ChatKind = row.runId ? 'run' : 'crew';
    await this.requireMember(kind, row.runId ?? row.crewId ?? '', readerId).catch((error: unknown) => {
      throw error instanceof NotFoundError || error instanceof ForbiddenError ? messageNotFound() : error;
    });
    return { subjectId: row.authorId, crewId: row.crewId };
  }

  /**
   * Hidden (at) by reports or a moderator — folded for all but its author — or shown again (null), in the
   * reports' unit of work. After it commits, the chat's open screens fetch their messages again.
   */
  async setHidden(tx: Tx, messageId: string, at: Date | null): Promise<void> {
    // Inside the unit of work only: on the embedded database a read beside it would wait for it forever.
    const row = await this.repo.setHidden(tx, messageId, at);
    if (!row) return;
    const ref: ChatRef = row.runId ? { kind: 'run', id: row.runId } : { kind: 'crew', id: row.crewId ?? '' };
    tx.afterCommit(() => this.realtime.toRoom(roomOf(ref), 'resync', {}));
  }

  /** Someone lost access to a run (left or was removed): their open sockets stop hearing its chat. */
  revoke(runId: string, userIds: string[]): void {
    this.realtime.leaveRoom(userIds, chatRoom(runId));
    this.announceUnread(userIds);
  }

  /** Someone left or was removed from a crew: their open sockets stop hearing its chat. */
  revokeCrew(crewId: string, userIds: string[]): void {
    this.realtime.leaveRoom(userIds, crewChatRoom(crewId));
    this.announceUnread(userIds);
  }

  /** Each user's tabs hear their unread total now (read after the change committed); never throws. */
  private announceUnread(userIds: string[]): void {
    const unique = [...new Set(userIds)];
    this.repo.totalUnread(unique).then(
      (totals) => {
        const events: UserEvent[] = [...totals].map(([userId, unreadCount]) => ({
          userId,
          event: CHAT_EVENTS.changed,
          payload: { unreadCount },
        }));
        this.realtime.toEachUser(events);
      },
      (error: unknown) => this.deps.onError?.(error),
    );
  }

  private async requireMember(kind: ChatKind, id: string, userId: string): Promise<Membership> {
    const ref = { kind, id };
    if (kind === 'run') {
      const access = await this.repo.access(id, userId);
      if (!isRunMember(access, userId)) throw runNotFound();
      return {
        ref,
        title: access.title,
        closesAt: closesAtOf(access),
        // Host and co-hosts are known here; anyone else may still be staff of the run's crew.
        canPin: async () => access.hostId === userId || access.cohost || this.deps.canManageRun(id, userId),
      };
    }
    const [name, role] = await Promise.all([this.repo.crewName(id), this.deps.crewAccess.roleOf(id, userId)]);
    if (name === undefined) throw new NotFoundError('CREW_NOT_FOUND', 'Crew not found');
    if (role === null) throw new ForbiddenError('NOT_CREW_MEMBER', 'Only the crew members can do this');
    return { ref, title: name, closesAt: null, canPin: async () => isStaffRole(role) };
  }

  private toAuthor(author: MessageWithAuthor['author']) {
    return {
      id: author.id,
      nickname: author.nickname,
      avatar: author.avatarId ? this.uploads.imageOf(author.avatarId) : null,
    };
  }

  /**
   * Hidden by reports (until a moderator decides): folded — no content — for everyone but its author
   * (`viewerId` null: a room's broadcast, folded for all).
   */
  private toMessage(row: MessageWithAuthor, viewerId: string | null): ChatMessage {
    const hidden = row.hiddenAt !== null;
    return {
      id: row.id,
      runId: row.runId,
      crewId: row.crewId,
      author: this.toAuthor(row.author),
      content: hidden && row.authorId !== viewerId ? '' : row.content,
      hidden,
      createdAt: row.createdAt.toISOString(),
      ...(row.folded === undefined ? {} : { folded: row.folded }),
    };
  }
}

function isRunMember(access: ChatAccess | undefined, userId: string): access is ChatAccess {
  return access !== undefined && (access.hostId === userId || access.cohost || access.status === 'joined');
}

function closesAtOf(run: { endsAt: Date }): Date {
  return new Date(run.endsAt.getTime() + CHAT_OPEN_AFTER_END_MS);
}

function roomOf(ref: ChatRef): string {
  return ref.kind === 'run' ? chatRoom(ref.id) : crewChatRoom(ref.id);
}

/** Where a chat notification leads: the chat's page. */
function linkOf(ref: ChatRef): string {
  return ref.kind === 'run' ? `/runs/${ref.id}/chat` : `/crews/${ref.id}/chat`;
}
