import {
  type REALTIME_ACK_ERRORS,
  type RealtimeAck,
  type RealtimeClientEvent,
  RealtimeClientEventSchemas,
} from '@erun/contracts';
import type { Socket } from 'socket.io';
import type { RateLimit } from '../config/env.ts';

/**
 * Rooms (run pages watched, chats) one socket may be in at once. The one past it is refused with
 * TOO_MANY_ROOMS rather than the oldest dropped: a dropped room would silently stop the updates of a page
 * the client still shows. A browser tab is in one or two.
 */
export const MAX_ROOMS_PER_SOCKET = 50;
/** Events refused in a row (the socket's bucket empty) after which the socket is disconnected. */
const FLOOD_STRIKES = 100;

/** May this user's socket enter the room of this run (e.g. chat membership, the run exists)? */
export type RoomGuard = (userId: string, runId: string) => Promise<boolean>;

/** A kind of room a socket enters on request, once `allow` said it may. */
export interface RoomKind {
  join: 'run:watch' | 'chat:join' | 'crew-chat:join';
  leave: 'run:unwatch' | 'chat:leave' | 'crew-chat:leave';
  roomOf: (runId: string) => string;
  allow: RoomGuard;
  /**
   * Ask `allow` again once in the room (chats): access revoked while the first check ran may have passed
   * this socket before it was in the room; one of the two takes it out.
   */
  recheck: boolean;
}

export type AckCode = (typeof REALTIME_ACK_ERRORS)[number];
export type Ack = (answer: RealtimeAck) => void;

const MESSAGES: Record<AckCode, string> = {
  VALIDATION_FAILED: 'The event payload is not valid',
  RUN_NOT_FOUND: 'Run not found',
  RATE_LIMITED: 'Too many events; slow down',
  TOO_MANY_ROOMS: 'Too many rooms on this connection; leave one first',
  INTERNAL_ERROR: 'Something went wrong',
};

export const refusal = (code: AckCode): RealtimeAck => ({ error: { code, message: MESSAGES[code] } });

/** The ack callback of an event, or one that drops the answer when the client sent none. */
export function ackOf(args: unknown[]): Ack {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as Ack) : () => undefined;
}

/** Refills continuously at `max` tokens a `windowMs`, holding `max` at most; starts full. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {
    this.tokens = limit.max;
    this.at = now();
  }

  take(): boolean {
    const now = this.now();
    const refill = ((now - this.at) * this.limit.max) / this.limit.windowMs;
    this.tokens = Math.min(this.limit.max, this.tokens + refill);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Events still waiting their turn on one socket beyond which more are refused at once. */
const MAX_WAITING = 16;

/**
 * Runs one socket's event handlers one at a time, in the order they came: at most one membership check is in
 * flight per socket, a leave is handled after the join before it, and a flood waits in a short line or is
 * refused — it never fans out into parallel database queries.
 */
export class SocketQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  /** Queues `handler`; its answer, or an error's INTERNAL_ERROR, goes to `reply`. */
  run(handler: () => Promise<RealtimeAck | undefined>, reply: Ack): void {
    if (this.waiting >= MAX_WAITING) return reply(refusal('RATE_LIMITED'));
    this.waiting += 1;
    this.tail = this.tail.then(async () => {
      try {
        const answer = await handler();
        if (answer) reply(answer);
      } catch {
        reply(refusal('INTERNAL_ERROR'));
      } finally {
        this.waiting -= 1;
      }
    });
  }
}

interface ClientEvents {
  userId: string;
  kinds: RoomKind[];
  /** This socket's allowance, in this process; undefined = unlimited (RATE_LIMITS=off). */
  perSocket: RateLimit | undefined;
  /** Counts one event against the user's limit on every process. */
  userMaySend: (userId: string) => Promise<boolean>;
}

const runIdOf = (payload: string | { runId: string } | { crewId: string }) =>
  typeof payload === 'string' ? payload : 'runId' in payload ? payload.runId : payload.crewId;

/**
 * Wires what a client may send. Every event first takes a token from the socket's bucket (in process: a flood
 * never reaches Redis or the database; a socket that keeps flooding is disconnected), then waits its turn in
 * the socket's queue, where it counts against the user's shared limit and its payload is checked with its
 * contract schema. Refusals are acks with an error; an event without an ack callback is handled the same way.
 */
export function serveClientEvents(socket: Socket, { userId, kinds, perSocket, userMaySend }: ClientEvents) {
  const bucket = perSocket && new TokenBucket(perSocket, () => Date.now());
  let strikes = 0;
  socket.use((packet, next) => {
    if (!bucket || bucket.take()) {
      strikes = 0;
      return next();
    }
    ackOf(packet)(refusal('RATE_LIMITED'));
    if (++strikes >= FLOOD_STRIKES) socket.disconnect(true);
  });
  const queue = new SocketQueue();
  const on = (event: RealtimeClientEvent, handle: (runId: string) => Promise<RealtimeAck | undefined>) =>
    socket.on(event, (...args: unknown[]) => {
      queue.run(async () => {
        if (!(await userMaySend(userId))) return refusal('RATE_LIMITED');
        const parsed = RealtimeClientEventSchemas[event].safeParse(args[0]);
        if (!parsed.success) return refusal('VALIDATION_FAILED');
        return handle(runIdOf(parsed.data));
      }, ackOf(args));
    });
  for (const kind of kinds) {
    on(kind.join, (runId) => enter(socket, userId, kind, runId));
    on(kind.leave, async (runId) => {
      await socket.leave(kind.roomOf(runId));
      return { ok: true };
    });
  }
}

/** Lets the socket into the room once its guard says it may; answers as the ack. */
async function enter(socket: Socket, userId: string, kind: RoomKind, runId: string) {
  const room = kind.roomOf(runId);
  if (socket.rooms.has(room)) return { ok: true } as const;
  // The socket's own room and its user's room are not asked for.
  if (socket.rooms.size - 2 >= MAX_ROOMS_PER_SOCKET) return refusal('TOO_MANY_ROOMS');
  if (!(await kind.allow(userId, runId))) return refusal('RUN_NOT_FOUND');
  // Gone while the check ran: joining now would keep a room alive for a socket that no longer exists.
  if (!socket.connected) return undefined;
  await socket.join(room);
  if (kind.recheck && !(await kind.allow(userId, runId))) {
    await socket.leave(room);
    return refusal('RUN_NOT_FOUND');
  }
  return { ok: true } as const;
}
