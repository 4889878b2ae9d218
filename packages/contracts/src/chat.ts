import { z } from 'zod';
import { CursorSchema } from './common.ts';
import { PublicUserSchema } from './users.ts';

const Iso = z.iso.datetime({ offset: true });

export const CHAT_MESSAGE_MAX = 1000;
/** A run's chat turns read-only this long after the run ends. */
export const CHAT_OPEN_AFTER_END_MS = 7 * 24 * 3600_000;

/** `POST /api/runs/:runId/messages`: plain text, trimmed, 1–1000 characters. */
export const SendChatMessageSchema = z.object({
  content: z
    .string()
    .trim()
    .min(1, { message: 'chat.required' })
    .max(CHAT_MESSAGE_MAX, { message: 'chat.tooLong' }),
});
export type SendChatMessage = z.infer<typeof SendChatMessageSchema>;

export const ChatAuthorSchema = PublicUserSchema.pick({ id: true, nickname: true, avatar: true });
export type ChatAuthor = z.infer<typeof ChatAuthorSchema>;

/** A chat is a run's (host, co-hosts, joined runners) or a crew's (its members). */
export const CHAT_KINDS = ['run', 'crew'] as const;
export const ChatKindSchema = z.enum(CHAT_KINDS);
export type ChatKind = z.infer<typeof ChatKindSchema>;

/**
 * One chat message, the same in the API and in the `chat:message` socket event. Exactly one of `runId` and
 * `crewId` is set: the chat it belongs to.
 */
export const ChatMessageSchema = z.object({
  id: z.uuid(),
  runId: z.uuid().nullable(),
  crewId: z.uuid().nullable(),
  author: ChatAuthorSchema,
  content: z.string(),
  /** Reported by enough people and hidden until a moderator decides: empty content for all but its author. */
  hidden: z.boolean(),
  createdAt: Iso,
  /**
   * The reader blocked its author (DOMAIN.md "Safety and reliability"): shown folded. Set per reader in pages
   * and the chat list; absent in the live `chat:message` event (the same for the whole room), where the page's
   * `foldedAuthorIds` tells.
   */
  folded: z.boolean().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const ChatPageQuerySchema = z.object({
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/**
 * `GET /api/runs/:runId/messages`: `items` newest first (page 1 is the latest messages; `nextCursor` gives
 * the older ones). `lastReadAt` is where I stopped reading (null: never), for the unread marker.
 */
export const ChatPageSchema = z.object({
  items: z.array(ChatMessageSchema),
  nextCursor: z.string().nullable(),
  lastReadAt: Iso.nullable(),
  /** After this moment (end of the run + 7 days) the chat is read-only; null: never (crew chats). */
  closesAt: Iso.nullable(),
  closed: z.boolean(),
  /** The chat's notice: its latest pinned message, or null. */
  pinned: ChatMessageSchema.nullable(),
  /** I muted this chat's message pushes (mentions still reach me). */
  muted: z.boolean(),
  /** I may pin and unpin (the run's host or co-hosts; the crew's staff). */
  canPin: z.boolean(),
  /** Members of this chat I blocked: their messages, also those arriving live, are folded for me. */
  foldedAuthorIds: z.array(z.uuid()).optional(),
});
export type ChatPage = z.infer<typeof ChatPageSchema>;

/** `PUT /api/chats/:kind/:id/mute`. */
export const MuteChatSchema = z.object({ muted: z.boolean() }).strict();
export type MuteChat = z.infer<typeof MuteChatSchema>;

/** `GET /api/chats/:kind/:id/members`: who can be @mentioned in the chat. */
export const ChatMembersSchema = z.object({ items: z.array(ChatAuthorSchema) });
export type ChatMembers = z.infer<typeof ChatMembersSchema>;

/**
 * The @mentions of a message among the given nicknames: every "@닉네임" where the nickname is followed by the
 * end, a space or punctuation (not by a letter or digit: "@러너2" is not "@러너"). Nicknames may hold spaces,
 * so the longest nickname that fits wins. Used by the server (who is notified) and the web (what is
 * highlighted), so both agree.
 */
export function mentionRanges(
  content: string,
  nicknames: Iterable<string>,
): { start: number; end: number; nickname: string }[] {
  const byLength = [...new Set(nicknames)].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
  const ranges: { start: number; end: number; nickname: string }[] = [];
  let at = content.indexOf('@');
  while (at !== -1) {
    const rest = content.slice(at + 1);
    const nickname = byLength.find(
      (n) => rest.startsWith(n) && !/^[\p{L}\p{N}_]/u.test(rest.slice(n.length)),
    );
    if (nickname !== undefined) {
      ranges.push({ start: at, end: at + 1 + nickname.length, nickname });
      at = content.indexOf('@', at + 1 + nickname.length);
    } else {
      at = content.indexOf('@', at + 1);
    }
  }
  return ranges;
}

/**
 * `GET /api/me/chats`: the run and crew chats I am in, most recently active first, with what I have not read
 * yet. `title` is the run's title or the crew's name; run-only fields are null for crews.
 */
export const ChatSummarySchema = z.object({
  kind: ChatKindSchema,
  /** The run's or the crew's id. */
  id: z.uuid(),
  title: z.string(),
  startsAt: Iso.nullable(),
  closesAt: Iso.nullable(),
  closed: z.boolean(),
  cancelled: z.boolean(),
  unreadCount: z.number().int(),
  muted: z.boolean(),
  lastMessage: ChatMessageSchema.nullable(),
});
export type ChatSummary = z.infer<typeof ChatSummarySchema>;
/** `unreadCount`: unread messages over all my chats (the navigation badge), not only those listed. */
export const ChatListSchema = z.object({
  items: z.array(ChatSummarySchema),
  unreadCount: z.number().int().min(0),
});
export type ChatList = z.infer<typeof ChatListSchema>;

export const ChatJoinSchema = z.object({ runId: z.uuid() });
export type ChatJoin = z.infer<typeof ChatJoinSchema>;
export const CrewChatJoinSchema = z.object({ crewId: z.uuid() });
export type CrewChatJoin = z.infer<typeof CrewChatJoinSchema>;
/** `chat:pinned`: the chat's notice is now this message (null: none). */
export const ChatPinnedEventSchema = z.object({
  kind: ChatKindSchema,
  id: z.uuid(),
  pinned: ChatMessageSchema.nullable(),
});
export type ChatPinnedEvent = z.infer<typeof ChatPinnedEventSchema>;
