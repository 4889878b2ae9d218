import { createAdapter } from '@socket.io/redis-adapter';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import type { RateLimit } from '../config/env.ts';
import type { AccessTokens } from '../modules/auth/index.ts';
import type { RateLimiter } from '../ports/rate-limiter.ts';
import { type Realtime, runRoom, type UserEvent, userRoom } from '../ports/realtime.ts';
import { type RoomKind, serveClientEvents } from './socket-gate.ts';

export { MAX_ROOMS_PER_SOCKET, type RoomKind } from './socket-gate.ts';

/** Between processes: a batch of per-user events (`toEachUser`), delivered by each to its own sockets. */
const USER_EVENTS = 'erun:user-events';
/** Between processes: a process publishes again after failing to; clients of the others fetch again. */
const RESYNC = 'erun:resync';

export interface RealtimeServer extends Realtime {
  /**
   * Registers a kind of room: `join` with the run id (the payload its contract schema describes) answers
   * with an ack `{ ok: true }` or `{ error: { code, message } }`, `leave` likewise. Registered once the
   * services exist; a refused socket never joins.
   */
  guardedRooms(kind: RoomKind): void;
  /** Sockets connected to this process (not the others'), for `/metrics`. */
  localSockets(): number;
}

export interface RealtimeOptions {
  tokens: AccessTokens;
  /**
   * The rule HTTP's `authenticate` applies (the account exists, is not deleted; the token's session is not
   * signed out): checked at each handshake.
   */
  mayAct: (userId: string, sessionId: string | null) => Promise<boolean>;
  /** A suspended or banned account (issue 17): its handshake is refused with ACCOUNT_SUSPENDED. */
  restricted?: (userId: string) => Promise<boolean>;
  /** Per user across processes (Redis when several): every handshake and every event counts. */
  rateLimiter: RateLimiter;
  limits: { enabled: boolean; perSocket: RateLimit; perUser: RateLimit };
  /** Publisher and subscriber connections for the Redis adapter; absent = one process. */
  redis: { pub: Redis; sub: Redis; key: string } | undefined;
}

/**
 * socket.io on the app's HTTP server. The handshake must carry a valid access token (`auth: { token }`) of an
 * account that may act (`mayAct`, the rule of HTTP's `authenticate`), within the user's limit; the socket joins
 * `user:<id>`. When the token expires the socket is disconnected, and the client reconnects with a fresh one.
 * Logging out everywhere or deleting the account disconnects the user's sockets on every process
 * (`disconnectUser`); a deleted account's handshake is refused from then on. (A handshake checked in the
 * instant before the deletion committed can keep its socket until its token expires, ≤ 15 minutes.)
 * What a client sends is limited and checked by `serveClientEvents`. With Redis, rooms span every process.
 */
export function attachRealtime(app: FastifyInstance, options: RealtimeOptions): RealtimeServer {
  const { tokens, redis, limits, rateLimiter } = options;
  const kinds: RoomKind[] = [];
  const io = new Server(app.server, { path: '/socket.io', serveClient: false, cors: { origin: false } });
  // Without Redis each process delivers to its own sockets only; when fan-out works again, every client is told
  // to fetch again what it may have missed (`resync`): here when this process hears Redis again, elsewhere when
  // this process can publish again (ADR 014).
  const resync = () => io.local.emit('resync', {});
  if (redis) {
    io.adapter(
      createAdapter(
        publisher(redis.pub, app, () => io.serverSideEmit(RESYNC)),
        subscriber(redis.sub),
        { key: redis.key },
      ),
    );
    let missed = false;
    redis.sub.on('close', () => (missed = true));
    redis.sub.on('ready', () => {
      if (missed) resync();
      missed = false;
    });
  }
  io.on(RESYNC, resync);

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

  const userMaySend = async (userId: string) =>
    !limits.enabled || (await rateLimiter.consume(`socket-user:${userId}`, limits.perUser)).allowed;

  /** Why a handshake is refused, or undefined to let it in. */
  const admit = async (socket: Socket): Promise<string | undefined> => {
    const token: unknown = (socket.handshake.auth as { token?: unknown }).token;
    if (typeof token !== 'string') return 'UNAUTHENTICATED';
    const verified = await tokens.verifyWithExpiry(token);
    if (!verified) return 'UNAUTHENTICATED';
    if (!(await userMaySend(verified.userId))) return 'RATE_LIMITED';
    if (!(await options.mayAct(verified.userId, verified.sessionId))) return 'UNAUTHENTICATED';
    if (await options.restricted?.(verified.userId)) return 'ACCOUNT_SUSPENDED';
    socket.data = { userId: verified.userId };
    const untilExpiry = Math.max(0, verified.expiresAt.getTime() - Date.now());
    const timer = setTimeout(() => socket.disconnect(true), untilExpiry);
    socket.on('disconnect', () => clearTimeout(timer));
    return undefined;
  };
  io.use((socket, next) => {
    void admit(socket).then(
      (refused) => next(refused === undefined ? undefined : new Error(refused)),
      () => next(new Error('INTERNAL_ERROR')),
    );
  });

  io.on('connection', (socket: Socket) => {
    const { userId } = socket.data as { userId: string };
    void socket.join(userRoom(userId));
    serveClientEvents(socket, {
      userId,
      kinds,
      perSocket: limits.enabled ? limits.perSocket : undefined,
      userMaySend,
    });
  });

  // Before the server stops accepting (fastify's preClose): an open WebSocket or long poll would otherwise keep
  // server.close() waiting until the forced exit. Clients reconnect, through the balancer, to another process.
  // `local`: with the Redis adapter, a plain disconnectSockets would drop every process's clients.
  app.addHook('preClose', (done) => {
    io.local.disconnectSockets(true);
    io.engine.close();
    done();
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
    disconnectUser: (userId) => {
      io.in(userRoom(userId)).disconnectSockets(true);
    },
    guardedRooms: (kind) => {
      kinds.push(kind);
    },
    localSockets: () => io.of('/').sockets.size,
  };
}

/**
 * The adapter's publisher, whose `publish` never rejects: the adapter publishes without handling the promise, and
 * an unhandled rejection while Redis is away would end the process (issue 13). Each broadcast is delivered to
 * this process's sockets whatever Redis does; the others miss it until Redis is back (ADR 014). A failure is
 * logged once per outage (the first), and that it works again once (then `resumed`).
 */
function publisher(pub: Redis, app: FastifyInstance, resumed: () => void): Redis {
  let failures = 0;
  const publish = async (...args: Parameters<Redis['publish']>): Promise<number> => {
    try {
      const receivers = await pub.publish(...args);
      if (failures > 0) {
        app.log.info({ failures }, 'realtime fan-out through Redis resumed');
        failures = 0;
        resumed();
      }
      return receivers;
    } catch (error) {
      if (failures++ === 0)
        app.log.warn({ err: error }, 'realtime fan-out through Redis failed: events reach this process only');
      return 0;
    }
  };
  return new Proxy(pub, {
    get: (target, property, receiver) =>
      property === 'publish' ? publish : (Reflect.get(target, property, receiver) as unknown),
  });
}

const SUBSCRIPTIONS = new Set<PropertyKey>(['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe']);

/**
 * The adapter's subscriber, whose (un)subscribe commands never reject: the adapter does not handle them either,
 * and they fail when the connection is closed under them (shutdown, outage). ioredis subscribes again by itself
 * on every reconnection; the outage itself is logged by `watchOutages`.
 */
function subscriber(sub: Redis): Redis {
  return new Proxy(sub, {
    get: (target, property, receiver) => {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (!SUBSCRIPTIONS.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch(() => undefined);
    },
  });
}
