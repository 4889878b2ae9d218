import type { Comment, JoinResult, Notification, RealtimePayload } from '@erun/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

type LiveNotification = RealtimePayload<'notification'>;

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
    // Someone else has unread notifications: the host's count must not include them.
    const otherHost = await newUser(t.app);
    const otherRun = await newRun(t.app, otherHost);
    for (const runner of [await newUser(t.app), await newUser(t.app)]) {
      await t.app.inject({
        method: 'POST',
        url: `/api/runs/${otherRun.id}/participants`,
        headers: bearer(runner),
      });
    }
    const host = await newUser(t.app, { nickname: '호스트' });
    const runner = await newUser(t.app, { nickname: '참가자' });
    const viewer = await newUser(t.app);
    const run = await newRun(t.app, host);
    const hostSocket = await connect(host.accessToken);
    const viewerSocket = await connect(viewer.accessToken);
    viewerSocket.emit('run:watch', run.id);
    await new Promise((r) => setTimeout(r, 100));

    const notification = next<LiveNotification>(hostSocket, 'notification');
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
    // The count comes with the notification: one frame per user, however many are told at once.
    expect((await notification).unreadCount).toBe(1);
    expect(await updated).toEqual({ runId: run.id });

    // What arrives live is what the list says, and the count keeps up with more joins and a leave.
    const listed = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(host) });
    const { unreadCount: _count, ...live } = await notification;
    expect(listed.json<{ items: Notification[] }>().items[0]).toEqual(live);
    const second = await newUser(t.app, { nickname: '두번째' });
    const secondNotification = next<LiveNotification>(hostSocket, 'notification');
    await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(second) });
    expect((await secondNotification).actor?.nickname).toBe('두번째');
    expect((await secondNotification).unreadCount).toBe(2);
    const left = next<LiveNotification>(hostSocket, 'notification');
    await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}/participants/me`,
      headers: bearer(runner),
    });
    expect(await left).toMatchObject({ category: 'run_left', actor: { nickname: '참가자' } });
    expect((await left).unreadCount).toBe(3);
  });
});

describe('realtime: comments and read marks', () => {
  it('run page viewers hear of new comments, replies and deletions', async () => {
    const host = await newUser(t.app);
    const writer = await newUser(t.app);
    const viewer = await newUser(t.app);
    const run = await newRun(t.app, host);
    const viewerSocket = await connect(viewer.accessToken);
    viewerSocket.emit('run:watch', run.id);
    await new Promise((r) => setTimeout(r, 100));

    const created = next(viewerSocket, 'run:comment');
    const written = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/comments`,
      headers: bearer(writer),
      payload: { content: '몇 시에 모여요?' },
    });
    expect(written.statusCode).toBe(201);
    const comment = written.json<Comment>();
    expect(await created).toEqual({ runId: run.id, commentId: comment.id, parentId: null });

    const replied = next(viewerSocket, 'run:comment');
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/comments/${comment.id}/replies`,
      headers: bearer(host),
      payload: { content: '6시예요' },
    });
    expect(reply.statusCode).toBe(201);
    expect(await replied).toEqual({
      runId: run.id,
      commentId: reply.json<Comment>().id,
      parentId: comment.id,
    });

    const deleted = next(viewerSocket, 'run:comment');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/comments/${comment.id}`,
      headers: bearer(writer),
    });
    expect(removed.statusCode).toBe(204);
    expect(await deleted).toEqual({ runId: run.id, commentId: comment.id, parentId: null });
  });

  it("marking notifications read lowers the count on the user's open tabs", async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host);
    for (const runner of [await newUser(t.app), await newUser(t.app)]) {
      await t.app.inject({
        method: 'POST',
        url: `/api/runs/${run.id}/participants`,
        headers: bearer(runner),
      });
    }
    const otherTab = await connect(host.accessToken);
    const page = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(host) });
    const [newest] = page.json<{ items: Notification[] }>().items;

    const lowered = next<{ unreadCount: number }>(otherTab, 'notification:count');
    await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: bearer(host),
      payload: { ids: [newest?.id] },
    });
    expect(await lowered).toEqual({ unreadCount: 1 });

    const cleared = next<{ unreadCount: number }>(otherTab, 'notification:count');
    await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: bearer(host),
      payload: { all: true },
    });
    expect(await cleared).toEqual({ unreadCount: 0 });
  });
});

describe('realtime: edits and cancellations', () => {
  it('participants hear of an edit and a cancellation live, and open run pages refresh', async () => {
    const host = await newUser(t.app);
    const runner = await newUser(t.app);
    const run = await newRun(t.app, host);
    await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(runner) });
    const runnerSocket = await connect(runner.accessToken);
    runnerSocket.emit('run:watch', run.id);
    await new Promise((r) => setTimeout(r, 100));

    const edited = next<Notification>(runnerSocket, 'notification');
    const refreshed = next<{ runId: string }>(runnerSocket, 'run:updated');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: { description: '모이는 곳이 바뀌었어요' },
    });
    expect(patch.statusCode).toBe(200);
    expect(await edited).toMatchObject({ category: 'run_updated', link: `/runs/${run.id}` });
    expect(await refreshed).toEqual({ runId: run.id });

    const cancelled = next<LiveNotification>(runnerSocket, 'notification');
    const gone = await t.app.inject({ method: 'DELETE', url: `/api/runs/${run.id}`, headers: bearer(host) });
    expect(gone.statusCode).toBe(204);
    expect(await cancelled).toMatchObject({ category: 'run_cancelled' });
    expect((await cancelled).unreadCount).toBe(2);
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
