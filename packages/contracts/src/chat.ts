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

/** One chat message, the same in the API and in the `chat:message` socket event. */
export const ChatMessageSchema = z.object({
  id: z.uuid(),
  runId: z.uuid(),
  author: ChatAuthorSchema,
  content: z.string(),
  createdAt: Iso,
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
  /** After this moment (end of the run + 7 days) the chat is read-only. */
  closesAt: Iso,
  closed: z.boolean(),
});
export type ChatPage = z.infer<typeof ChatPageSchema>;

/** `GET /api/me/chats`: the chats I can read, with what I have not read yet. */
export const ChatSummarySchema = z.object({
  runId: z.uuid(),
  title: z.string(),
  startsAt: Iso,
  closesAt: Iso,
  closed: z.boolean(),
  cancelled: z.boolean(),
  unreadCount: z.number().int(),
  lastMessage: ChatMessageSchema.nullable(),
});
export type ChatSummary = z.infer<typeof ChatSummarySchema>;
export const ChatListSchema = z.object({ items: z.array(ChatSummarySchema) });
export type ChatList = z.infer<typeof ChatListSchema>;

/**
 * socket.io protocol of the chat. Client → server `chat:join` `{ runId }` with an ack answering
 * `{ ok: true }` or `{ error: { code, message } }` (RealtimeAckSchema in realtime.ts); `chat:leave`
 * `{ runId }`. Server → client `chat:message` (a ChatMessage).
 */
export const CHAT_EVENTS = { join: 'chat:join', leave: 'chat:leave', message: 'chat:message' } as const;
export const ChatJoinSchema = z.object({ runId: z.uuid() });
export type ChatJoin = z.infer<typeof ChatJoinSchema>;
