/** Pushes events to connected browsers; across processes when backed by Redis. */
export interface Realtime {
  toUsers(userIds: string[], event: string, payload: unknown): void;
  toRun(runId: string, event: string, payload: unknown): void;
}

export const userRoom = (userId: string) => `user:${userId}`;
export const runRoom = (runId: string) => `run:${runId}`;
