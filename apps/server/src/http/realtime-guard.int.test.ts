import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessTokens } from '../modules/auth/access-tokens.ts';
import { MemoryRateLimiter } from '../adapters/memory-rate-limiter.ts';
import { systemClock } from '../ports/clock.ts';
import { attachRealtime, type RealtimeServer } from './realtime.ts';

let app: FastifyInstance | undefined;
let client: Socket | undefined;
afterEach(async () => {
  client?.disconnect();
  await app?.close();
});

const RUN_ID = randomUUID();
const room = (id: string) => `guarded:${id}`;

/** A realtime server alone, with a guarded room whose membership check the test answers by hand. */
async function start(allow: (userId: string, id: string) => Promise<boolean>) {
  app = Fastify();
  const tokens = new AccessTokens('a-secret-for-this-test-only-0123456789', systemClock);
  const realtime: RealtimeServer = attachRealtime(app, {
    tokens,
    mayAct: () => Promise.resolve(true),
    rateLimiter: new MemoryRateLimiter(systemClock),
    limits: { enabled: false, perSocket: { max: 1, windowMs: 1 }, perUser: { max: 1, windowMs: 1 } },
    redis: undefined,
  });
  realtime.guardedRooms({ join: 'chat:join', leave: 'chat:leave', roomOf: room, allow, recheck: true });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const userId = randomUUID();
  client = io(url, {
    path: '/socket.io',
    auth: { token: await tokens.issue(userId) },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    client?.once('connect', () => resolve());
    client?.once('connect_error', reject);
  });
  return { realtime, userId, socket: client };
}

describe('guarded rooms', () => {
  it('does not keep a socket whose access was revoked while its join was being checked', async () => {
    let letIn: (allowed: boolean) => void = () => undefined;
    const answers: boolean[] = [];
    const { realtime, userId, socket } = await start((_user, _id) => {
      // The first check is held open; any later check sees the access already gone.
      if (answers.length === 0) {
        answers.push(true);
        return new Promise<boolean>((resolve) => (letIn = resolve));
      }
      answers.push(false);
      return Promise.resolve(false);
    });
    const heard: unknown[] = [];
    socket.on('run:updated', (payload: unknown) => heard.push(payload));

    const ack = socket.timeout(5000).emitWithAck('chat:join', { runId: RUN_ID });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The runner leaves the run meanwhile: the revocation passes before the socket is in the room.
    realtime.leaveRoom([userId], room(RUN_ID));
    letIn(true);

    expect(await ack).toMatchObject({ error: { code: 'RUN_NOT_FOUND' } });
    realtime.toRoom(room(RUN_ID), 'run:updated', { runId: RUN_ID });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual([]);
    expect(answers).toEqual([true, false]);
  });

  it('lets a member in and keeps them there', async () => {
    const { realtime, socket } = await start(() => Promise.resolve(true));
    const heard: unknown[] = [];
    socket.on('run:updated', (payload: unknown) => heard.push(payload));
    expect(await socket.timeout(5000).emitWithAck('chat:join', { runId: RUN_ID })).toEqual({ ok: true });
    realtime.toRoom(room(RUN_ID), 'run:updated', { runId: RUN_ID });
    await expect.poll(() => heard).toEqual([{ runId: RUN_ID }]);
  });
});
