import type { RealtimeEvent, RealtimePayload } from '@erun/contracts';

/**
 * Pushes events to connected browsers; across processes when backed by Redis. Events and their payloads are the
 * contract's (`RealtimeEventSchemas`): an event the contract does not name, or a payload of the wrong shape, does
 * not compile.
 */

/** One event for one user's open tabs, its payload the one its event names. */
export type UserEvent = {
  [E in RealtimeEvent]: { userId: string; event: E; payload: RealtimePayload<E> };
}[RealtimeEvent];

export interface Realtime {
  toUsers<E extends RealtimeEvent>(userIds: string[], event: E, payload: RealtimePayload<E>): void;
  /**
   * A different event for each user (e.g. their own notification and unread count), sent to the other
   * processes as one message however many there are: a change that notifies a hundred runners costs one
   * Redis publish, not two hundred.
   */
  toEachUser(events: UserEvent[]): void;
  toRun<E extends RealtimeEvent>(runId: string, event: E, payload: RealtimePayload<E>): void;
  /** To every socket in a room (e.g. a run's chat), whichever process holds it. */
  toRoom<E extends RealtimeEvent>(room: string, event: E, payload: RealtimePayload<E>): void;
  /** Takes every socket of these users out of a room, on every process (they lost access). */
  leaveRoom(userIds: string[], room: string): void;
  /** Disconnects every socket of this user, on every process (logged out everywhere, account deleted). */
  disconnectUser(userId: string): void;
}

export const userRoom = (userId: string) => `user:${userId}`;
export const runRoom = (runId: string) => `run:${runId}`;
/** A run's group chat: sockets join it only after the server has checked membership. */
export const chatRoom = (runId: string) => `chat:${runId}`;
/** A crew's group chat: sockets join it only after the server has checked crew membership. */
export const crewChatRoom = (crewId: string) => `crew-chat:${crewId}`;
