import type { JoinResult, Notification } from '@erun/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let base: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

function connect(token: string | undefined, url = base): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function next<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 5 s`)), 5000);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

describe('realtime', () => {
  it('refuses a handshake without a valid token', async () => {
    await expect(connect(undefined)).rejects.toThrow(/UNAUTHENTICATED/);
    await expect(connect('forged.token.value')).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('the host hears live when someone joins, and run page viewers see the seats change', async () => {
    const host = await newUser(t.app, { nickname: '호스트' });
    const runner = await newUser(t.app, { nickname: '참가자' });
    const viewer = await newUser(t.app);
    const run = await newRun(t.app, host);
    const hostSocket = await connect(host.accessToken);
    const viewerSocket = await connect(viewer.accessToken);
    viewerSocket.emit('run:watch', run.id);
    await new Promise((r) => setTimeout(r, 100));

    const notification = next<Notification>(hostSocket, 'notification');
    const count = next<{ unreadCount: number }>(hostSocket, 'notification:count');
    const updated = next<{ runId: string }>(viewerSocket, 'run:updated');
    const joined = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/participants`,
      headers: bearer(runner),
    });
    expect(joined.json<JoinResult>().status).toBe('joined');

    expect(await notification).toMatchObject({
      category: 'run_joined',
      actor: { nickname: '참가자' },
      link: `/runs/${run.id}`,
    });
    expect((await count).unreadCount).toBe(1);
    expect(await updated).toEqual({ runId: run.id });
  });
});

// Across processes needs the Redis adapter: this suite exists in the PostgreSQL + Redis run only.
if (process.env.TEST_REDIS_URL)
  describe('realtime across two API processes', () => {
    it('a notification caused on B reaches the user connected to A', async () => {
      const b = await createTestApp({ database: t.database, prefix: t.prefix });
      try {
        const host = await newUser(t.app);
        const runner = await newUser(b.app);
        const run = await newRun(t.app, host);
        const onA = await connect(host.accessToken);
        const arrived = next<Notification>(onA, 'notification');
        await b.app.inject({
          method: 'POST',
          url: `/api/runs/${run.id}/participants`,
          headers: bearer(runner),
        });
        expect((await arrived).category).toBe('run_joined');
      } finally {
        await b.close();
      }
    });
  });
