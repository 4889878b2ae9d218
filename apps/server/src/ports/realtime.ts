/** Pushes events to connected browsers; across processes when backed by Redis. */
/** One event for one user's open tabs. */
export interface UserEvent {
  userId: string;
  event: string;
  payload: unknown;
}

export interface Realtime {
  toUsers(userIds: string[], event: string, payload: unknown): void;
  /**
   * A different event for each user (e.g. their own notification and unread count), sent to the other
   * processes as one message however many there are: a change that notifies a hundred runners costs one
   * Redis publish, not two hundred.
   */
  toEachUser(events: UserEvent[]): void;
  toRun(runId: string, event: string, payload: unknown): void;
  /** To every socket in a room (e.g. a run's chat), whichever process holds it. */
  toRoom(room: string, event: string, payload: unknown): void;
  /** Takes every socket of these users out of a room, on every process (they lost access). */
  leaveRoom(userIds: string[], room: string): void;
  /** Disconnects every socket of this user, on every process (logged out everywhere, account deleted). */
  disconnectUser(userId: string): void;
}

export const userRoom = (userId: string) => `user:${userId}`;
export const runRoom = (runId: string) => `run:${runId}`;
/** A run's group chat: sockets join it only after the server has checked membership. */
export const chatRoom = (runId: string) => `chat:${runId}`;
