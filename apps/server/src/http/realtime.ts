import { createAdapter } from '@socket.io/redis-adapter';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { AccessTokens } from '../modules/auth/access-tokens.ts';
import { type Realtime, runRoom, type UserEvent, userRoom } from '../ports/realtime.ts';

const RunIdSchema = z.uuid();
/** Between processes: a batch of per-user events (`toEachUser`), delivered by each to its own sockets. */
const USER_EVENTS = 'erun:user-events';
const RoomRequestSchema = z.object({ runId: z.uuid() });

/** May this user's socket enter the room of this id? Checked on every join (e.g. chat membership). */
export type RoomGuard = (userId: string, id: string) => Promise<boolean>;

export interface RealtimeServer extends Realtime {
  /**
   * Rooms a socket enters on request: `<name>:join` `{ runId }` with an ack `{ ok: true }` or
   * `{ error: 'NOT_FOUND' | 'VALIDATION_FAILED' | 'INTERNAL_ERROR' }`, and `<name>:leave` `{ runId }`.
   * Registered once the services exist; a refused socket never joins.
   */
  guardedRooms(name: string, roomOf: (id: string) => string, allow: RoomGuard): void;
}

type Ack = (answer: unknown) => void;

/**
 * socket.io on the app's HTTP server. The handshake must carry a valid access token (`auth: { token }`);
 * the socket joins `user:<id>`, and `run:watch` joins a run page's room. When the token expires the socket
 * is disconnected, and the client reconnects with a fresh one. With Redis, rooms span every process.
 * Guarded rooms (the run chats) are entered with `<name>:join` after the server checked the user may.
 */
export function attachRealtime(
  app: FastifyInstance,
  tokens: AccessTokens,
  redis: { pub: Redis; sub: Redis; key: string } | undefined,
): RealtimeServer {
  const guarded: { name: string; roomOf: (id: string) => string; allow: RoomGuard }[] = [];
  const io = new Server(app.server, { path: '/socket.io', serveClient: false, cors: { origin: false } });
  if (redis) io.adapter(createAdapter(redis.pub, redis.sub, { key: redis.key }));

  /** Emits each event to the sockets this process holds; users connected elsewhere cost a map lookup. */
  const deliverLocally = (events: UserEvent[]) => {
    const rooms = io.of('/').adapter.rooms;
    for (const { userId, event, payload } of events) {
      const room = userRoom(userId);
      if (rooms.has(room)) io.local.to(room).emit(event, payload);
    }
  };
  // Sent by another process with `serverSideEmit`, which never comes back to its sender.
  io.on(USER_EVENTS, (events: UserEvent[]) => deliverLocally(events));

  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as { token?: unknown }).token;
    if (typeof token !== 'string') return next(new Error('UNAUTHENTICATED'));
    void tokens.verifyWithExpiry(token).then((verified) => {
      if (!verified) return next(new Error('UNAUTHENTICATED'));
      socket.data = { userId: verified.userId };
      const untilExpiry = Math.max(0, verified.expiresAt.getTime() - Date.now());
      const timer = setTimeout(() => socket.disconnect(true), untilExpiry);
      socket.on('disconnect', () => clearTimeout(timer));
      next();
    });
  });

  io.on('connection', (socket: Socket) => {
    const { userId } = socket.data as { userId: string };
    void socket.join(userRoom(userId));
    socket.on('run:watch', (runId: unknown) => {
      if (RunIdSchema.safeParse(runId).success) void socket.join(runRoom(runId as string));
    });
    socket.on('run:unwatch', (runId: unknown) => {
      if (typeof runId === 'string') void socket.leave(runRoom(runId));
    });
    // Leaves per guarded room: a join whose check was still running when a leave came must not enter.
    const leaves = new Map<string, number>();
    for (const { name, roomOf, allow } of guarded) {
      socket.on(`${name}:join`, (payload: unknown, ack?: unknown) => {
        const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => undefined;
        const parsed = RoomRequestSchema.safeParse(payload);
        if (!parsed.success) return reply({ error: 'VALIDATION_FAILED' });
        const room = roomOf(parsed.data.runId);
        const leavesBefore = leaves.get(room) ?? 0;
        const runId = parsed.data.runId;
        allow(userId, runId)
          .then(async (allowed) => {
            if (!allowed) return reply({ error: 'NOT_FOUND' });
            // Answered as if handled in order: let in, then out again by the leave that followed.
            if ((leaves.get(room) ?? 0) !== leavesBefore) return reply({ ok: true });
            await socket.join(room);
            // Access lost while the check ran (left the run, removed): its revocation may have passed this
            // socket before it was in the room. Asked again now that it is in, one of the two takes it out.
            if (!(await allow(userId, runId))) {
              await socket.leave(room);
              return reply({ error: 'NOT_FOUND' });
            }
            reply({ ok: true });
          })
          .catch(() => reply({ error: 'INTERNAL_ERROR' }));
      });
      socket.on(`${name}:leave`, (payload: unknown) => {
        const parsed = RoomRequestSchema.safeParse(payload);
        if (!parsed.success) return;
        const room = roomOf(parsed.data.runId);
        leaves.set(room, (leaves.get(room) ?? 0) + 1);
        void socket.leave(room);
      });
    }
  });

  app.addHook('onClose', async () => {
    await io.close();
  });

  return {
    toUsers: (userIds, event, payload) => {
      if (userIds.length > 0) io.to(userIds.map(userRoom)).emit(event, payload);
    },
    toEachUser: (events) => {
      if (events.length === 0) return;
      deliverLocally(events);
      if (redis) io.serverSideEmit(USER_EVENTS, events);
    },
    toRun: (runId, event, payload) => {
      io.to(runRoom(runId)).emit(event, payload);
    },
    toRoom: (room, event, payload) => {
      io.to(room).emit(event, payload);
    },
    leaveRoom: (userIds, room) => {
      if (userIds.length > 0) io.in(userIds.map(userRoom)).socketsLeave(room);
    },
    guardedRooms: (name, roomOf, allow) => {
      guarded.push({ name, roomOf, allow });
    },
  };
}
