import { createAdapter } from '@socket.io/redis-adapter';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { AccessTokens } from '../modules/auth/access-tokens.ts';
import { type Realtime, runRoom, userRoom } from '../ports/realtime.ts';

const RunIdSchema = z.uuid();

/**
 * socket.io on the app's HTTP server. The handshake must carry a valid access token (`auth: { token }`);
 * the socket joins `user:<id>`, and `run:watch` joins a run page's room. When the token expires the socket
 * is disconnected, and the client reconnects with a fresh one. With Redis, rooms span every process.
 */
export function attachRealtime(
  app: FastifyInstance,
  tokens: AccessTokens,
  redis: { pub: Redis; sub: Redis; key: string } | undefined,
): Realtime {
  const io = new Server(app.server, { path: '/socket.io', serveClient: false, cors: { origin: false } });
  if (redis) io.adapter(createAdapter(redis.pub, redis.sub, { key: redis.key }));

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
  });

  app.addHook('onClose', async () => {
    await io.close();
  });

  return {
    toUsers: (userIds, event, payload) => {
      if (userIds.length > 0) io.to(userIds.map(userRoom)).emit(event, payload);
    },
    toRun: (runId, event, payload) => {
      io.to(runRoom(runId)).emit(event, payload);
    },
  };
}
