// No zod in this file: the web app's entry imports it, and the schemas stay out of its first load.

/**
 * socket.io protocol of the chat. Client → server `chat:join` `{ runId }` (a run's chat) or
 * `crew-chat:join` `{ crewId }` (a crew's) with an ack answering `{ ok: true }` or
 * `{ error: { code, message } }` (RealtimeAckSchema in realtime.ts); `chat:leave` / `crew-chat:leave` likewise.
 * Server → client, in the chat's room: `chat:message` (a ChatMessage), `chat:pinned` (the notice changed).
 * To the user's own room: `chats:changed` (my unread total changed: a message in one of my chats, or I read one).
 */
export const CHAT_EVENTS = {
  join: 'chat:join',
  leave: 'chat:leave',
  crewJoin: 'crew-chat:join',
  crewLeave: 'crew-chat:leave',
  message: 'chat:message',
  pinned: 'chat:pinned',
  changed: 'chats:changed',
} as const;
