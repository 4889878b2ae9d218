import { z } from 'zod';
import { ChatJoinSchema, ChatMessageSchema, ChatPinnedEventSchema, CrewChatJoinSchema } from './chat.ts';
import { NotificationSchema } from './notifications.ts';

/**
 * Socket.io events the server sends. `notification*` go to the user's room (`user:<id>`); `run:*` go to the
 * room of a run page a client watches with `run:watch` (and leaves with `run:unwatch`), payload the run id;
 * `chat:message` goes to a run's chat room, entered with `chat:join` once the server checked membership
 * (CHAT_EVENTS in chat-events.ts).
 */
export const RealtimeEventSchemas = {
  /**
   * The user's newest notification, after it has been stored, with their unread count now: one event, not
   * a notification and a count, so that a run cancelled under a hundred runners sends a hundred frames.
   */
  notification: NotificationSchema.extend({ unreadCount: z.number().int().min(0) }),
  /** The user's unread count changed without a new notification (some were marked read, on any tab). */
  'notification:count': z.object({ unreadCount: z.number().int().min(0) }),
  /** Seats, participants or details of the run changed: fetch it again. */
  'run:updated': z.object({ runId: z.uuid() }),
  /** A comment or reply under the run was written, edited or deleted. */
  'run:comment': z.object({ runId: z.uuid(), commentId: z.uuid(), parentId: z.uuid().nullable() }),
  /** A new message in a run's chat: the message itself, as the API returns it. */
  'chat:message': ChatMessageSchema,
  /** The user's place in a crew changed (approved, promoted, removed, role): fetch the crew's page again. */
  'crew:membership': z.object({ crewId: z.uuid() }),
  /** A chat's pinned notice changed (pinned or unpinned), to its room. */
  'chat:pinned': ChatPinnedEventSchema,
  /**
   * To the user's room: a message arrived in one of their chats, or they read one (on any tab); `unreadCount`
   * is their unread total over every chat now (the navigation badge).
   */
  'chats:changed': z.object({ unreadCount: z.number().int().min(0) }),
  /**
   * Events may have been missed (fan-out between server processes through Redis was interrupted and is back):
   * fetch what is shown again, as after a reconnection.
   */
  resync: z.object({}),
};
export type RealtimeEvent = keyof typeof RealtimeEventSchemas;
export type RealtimePayload<E extends RealtimeEvent> = z.infer<(typeof RealtimeEventSchemas)[E]>;

/**
 * Events a client sends, with their payloads: `run:watch`/`run:unwatch` the run id, `chat:join`/`chat:leave`
 * `{ runId }`. Each may carry an ack callback, answered with a RealtimeAck.
 */
export const RealtimeClientEventSchemas = {
  'run:watch': z.uuid(),
  'run:unwatch': z.uuid(),
  'chat:join': ChatJoinSchema,
  'chat:leave': ChatJoinSchema,
  'crew-chat:join': CrewChatJoinSchema,
  'crew-chat:leave': CrewChatJoinSchema,
};
export type RealtimeClientEvent = keyof typeof RealtimeClientEventSchemas;

/**
 * Why the server refused a client event: a payload its schema refuses, a run that does not exist (or whose
 * chat the user may not enter, like the API's 404), too many events, more rooms than one socket may be in.
 */
export const REALTIME_ACK_ERRORS = [
  'VALIDATION_FAILED',
  'RUN_NOT_FOUND',
  'RATE_LIMITED',
  'TOO_MANY_ROOMS',
  'INTERNAL_ERROR',
] as const;
export const RealtimeAckSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ error: z.object({ code: z.enum(REALTIME_ACK_ERRORS), message: z.string() }) }),
]);
export type RealtimeAck = z.infer<typeof RealtimeAckSchema>;
