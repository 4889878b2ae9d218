import { z } from 'zod';
import { ChatMessageSchema } from './chat.ts';
import { NotificationSchema } from './notifications.ts';

/**
 * Socket.io events the server sends. `notification*` go to the user's room (`user:<id>`); `run:*` go to the
 * room of a run page a client watches with `run:watch` (and leaves with `run:unwatch`), payload the run id;
 * `chat:message` goes to a run's chat room, entered with `chat:join` once the server checked membership
 * (CHAT_EVENTS in chat.ts).
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
};
export type RealtimeEvent = keyof typeof RealtimeEventSchemas;
export type RealtimePayload<E extends RealtimeEvent> = z.infer<(typeof RealtimeEventSchemas)[E]>;
