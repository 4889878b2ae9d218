import type { ChatList, ChatMessage, ChatPage, ErrorBody, RealtimeAck, Run } from '@erun/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
let t: TestApp;
let base: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await createTestApp({ clock });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

type Who = { accessToken: string };

const send = (app: TestApp['app'], run: { id: string }, who: Who | null, content: unknown) =>
  app.inject({
    method: 'POST',
    url: `/api/runs/${run.id}/messages`,
    headers: who ? bearer(who) : {},
    payload: { content },
  });
const history = (run: { id: string }, who: Who | null, query = '') =>
  t.app.inject({
    method: 'GET',
    url: `/api/runs/${run.id}/messages${query}`,
    headers: who ? bearer(who) : {},
  });
const join = (run: Run, who: Who) =>
  t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(who) });

/** A run with its host, two joined runners and one on the waitlist (capacity 3). */
async function setUp() {
  clock.offsetMs = 0;
  const host = await newUser(t.app, { nickname: '크루장' });
  const [a, b, waiting] = await Promise.all([newUser(t.app), newUser(t.app), newUser(t.app)]);
  const run = await newRun(t.app, host, { capacity: 3 });
  for (const r of [a, b, waiting]) await join(run, r);
  return { host, a, b, waiting, run };
}

/** Moves the test clock to `time` and signs the user in again there (access tokens live 15 minutes). */
async function at(time: number, user: TestUser): Promise<Who> {
  clock.offsetMs = time - Date.now();
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
  });
  return response.json<Who>();
}

describe('chat membership', () => {
  it('the host and joined runners read and write; waitlisted, removed, left and strangers get 404', async () => {
    const { host, a, b, waiting, run } = await setUp();
    const stranger = await newUser(t.app);

    const byHost = await send(t.app, run, host, '  안녕하세요, 내일 7시에 봬요!  ');
    expect(byHost.statusCode).toBe(201);
    const message = byHost.json<ChatMessage>();
    expect(message).toMatchObject({
      runId: run.id,
      content: '안녕하세요, 내일 7시에 봬요!',
      author: { id: host.user.id, nickname: '크루장', avatar: null },
    });
    expect((await send(t.app, run, a, '저도 가요')).statusCode).toBe(201);
    expect((await history(run, a)).statusCode).toBe(200);

    for (const who of [waiting, stranger]) {
      for (const response of [await history(run, who), await send(t.app, run, who, '몰래')]) {
        expect(response.statusCode).toBe(404);
        expect(response.json<ErrorBody>().code).toBe('RUN_NOT_FOUND');
      }
    }
    const missing = await history({ id: '00000000-0000-4000-8000-000000000000' }, a);
    expect(missing.statusCode).toBe(404);
    expect((await history(run, null)).statusCode).toBe(401);
    expect((await send(t.app, run, null, '게스트')).statusCode).toBe(401);

    // Leaving promotes the waitlisted runner, who can now read the whole history.
    const left = await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}/participants/me`,
      headers: bearer(a),
    });
    expect(left.statusCode).toBe(204);
    expect((await history(run, a)).statusCode).toBe(404);
    expect((await send(t.app, run, a, '나갔는데')).statusCode).toBe(404);
    const promoted = await history(run, waiting);
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json<ChatPage>().items.map((m) => m.content)).toEqual([
      '저도 가요',
      '안녕하세요, 내일 7시에 봬요!',
    ]);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}/participants/${b.user.id}`,
      headers: bearer(host),
      payload: { reason: '연락 두절' },
    });
    expect(removed.statusCode).toBe(204);
    expect((await history(run, b)).statusCode).toBe(404);
    expect((await send(t.app, run, b, '왜요')).statusCode).toBe(404);
  });

  it('validates the content: plain text of 1–1000 characters after trimming', async () => {
    const { host, run } = await setUp();
    for (const content of ['', '   \n ', 'x'.repeat(1001), 42, null]) {
      const response = await send(t.app, run, host, content);
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    }
    const markup = '<script>alert(1)</script>';
    expect((await send(t.app, run, host, 'x'.repeat(1000))).statusCode).toBe(201);
    expect((await send(t.app, run, host, markup)).json<ChatMessage>().content).toBe(markup);
    expect((await history(run, host, '?cursor=nonsense')).statusCode).toBe(400);
    expect((await history(run, host)).json<ChatPage>().items).toHaveLength(2);
  });

  it('is read-only from 7 days after the run ends; members still read and mark read', async () => {
    const { host, a, run } = await setUp();
    const end = Date.parse(run.endsAt);
    const week = 7 * 24 * 3600_000;

    const lastDay = await at(end + week - 60_000, a);
    expect((await send(t.app, run, lastDay, '다들 수고하셨어요')).statusCode).toBe(201);
    expect((await history(run, lastDay)).json<ChatPage>().closed).toBe(false);

    const after = await at(end + week + 60_000, a);
    const closed = await send(t.app, run, after, '늦었나요?');
    expect(closed.statusCode).toBe(409);
    expect(closed.json<ErrorBody>().code).toBe('CHAT_CLOSED');
    const page = await history(run, after);
    expect(page.statusCode).toBe(200);
    expect(page.json<ChatPage>()).toMatchObject({
      closed: true,
      closesAt: new Date(end + week).toISOString(),
    });
    expect(page.json<ChatPage>().items.map((m) => m.content)).toEqual(['다들 수고하셨어요']);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/messages/read`,
      headers: bearer(after),
    });
    expect(read.statusCode).toBe(204);
    const hostAfter = await at(end + week + 60_000, host);
    expect((await send(t.app, run, hostAfter, '호스트도 못 써요')).statusCode).toBe(409);
    clock.offsetMs = 0;
  });

  it('a cancelled run keeps its chat for its members', async () => {
    const { host, a, run } = await setUp();
    const cancelled = await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
    });
    expect(cancelled.statusCode).toBe(204);
    expect((await send(t.app, run, a, '다음에 다시 달려요')).statusCode).toBe(201);
    expect((await history(run, host)).json<ChatPage>().items).toHaveLength(1);
  });
});

describe('chat history', () => {
  it('pages newest first to older messages, stable while new messages arrive', async () => {
    const { host, a, run } = await setUp();
    for (let i = 1; i <= 7; i++) {
      expect((await send(t.app, run, i % 2 ? host : a, `메시지 ${i}`)).statusCode).toBe(201);
    }
    const first = (await history(run, a, '?limit=3')).json<ChatPage>();
    expect(first.items.map((m) => m.content)).toEqual(['메시지 7', '메시지 6', '메시지 5']);
    expect(first.nextCursor).not.toBeNull();
    // Newer messages do not move the older pages.
    await send(t.app, run, host, '메시지 8');
    const second = (await history(run, a, `?limit=3&cursor=${first.nextCursor}`)).json<ChatPage>();
    expect(second.items.map((m) => m.content)).toEqual(['메시지 4', '메시지 3', '메시지 2']);
    const third = (await history(run, a, `?limit=3&cursor=${second.nextCursor}`)).json<ChatPage>();
    expect(third.items.map((m) => m.content)).toEqual(['메시지 1']);
    expect(third.nextCursor).toBeNull();
  });

  it('keeps my read marker and counts what others wrote after it', async () => {
    const { host, a, b, run } = await setUp();
    expect((await history(run, a)).json<ChatPage>().lastReadAt).toBeNull();
    await send(t.app, run, host, '첫 공지');
    await send(t.app, run, b, '확인했어요');

    const before = (
      await t.app.inject({ method: 'GET', url: '/api/me/chats', headers: bearer(a) })
    ).json<ChatList>();
    expect(before.items.find((c) => c.id === run.id)).toMatchObject({
      unreadCount: 2,
      closed: false,
      cancelled: false,
      lastMessage: { content: '확인했어요', author: { id: b.user.id } },
    });

    const read = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/messages/read`,
      headers: bearer(a),
    });
    expect(read.statusCode).toBe(204);
    const marker = (await history(run, a)).json<ChatPage>().lastReadAt;
    expect(marker).not.toBeNull();
    await send(t.app, run, host, '하나 더');
    await send(t.app, run, a, '내 메시지는 안 세요');
    const after = (
      await t.app.inject({ method: 'GET', url: '/api/me/chats', headers: bearer(a) })
    ).json<ChatList>();
    // Sending marks everything before it read.
    expect(after.items.find((c) => c.id === run.id)?.unreadCount).toBe(0);
    await send(t.app, run, host, '마지막');
    const later = (
      await t.app.inject({ method: 'GET', url: '/api/me/chats', headers: bearer(a) })
    ).json<ChatList>();
    expect(later.items.find((c) => c.id === run.id)?.unreadCount).toBe(1);

    const stranger = await newUser(t.app);
    const none = await t.app.inject({ method: 'GET', url: '/api/me/chats', headers: bearer(stranger) });
    expect(none.json<ChatList>().items).toEqual([]);
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/messages/read`,
      headers: bearer(stranger),
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('sending is rate-limited per user (429)', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_CHAT_USER: '2/1m' } });
    try {
      const host = await newUser(limited.app);
      const run = await newRun(limited.app, host);
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await send(limited.app, run, host, `빠르게 ${i}`)).statusCode);
      expect(codes).toEqual([201, 201, 429]);
      const over = await send(limited.app, run, host, '또');
      expect(over.json<ErrorBody>().code).toBe('RATE_LIMITED');
      expect(over.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});

function connect(token: string, url = base): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function chatJoin(socket: Socket, payload: unknown): Promise<RealtimeAck> {
  return socket.timeout(5000).emitWithAck('chat:join', payload) as Promise<RealtimeAck>;
}

/** The ack of a refused event, whatever its message. */
const refused = (code: string) => ({ error: { code, message: expect.any(String) as unknown } });

function next<T>(socket: Socket, event: string, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** Resolves once the server has handled everything the socket sent before (it handles them in order). */
async function settled(socket: Socket): Promise<void> {
  expect(await chatJoin(socket, { runId: 'not-a-uuid' })).toEqual(refused('VALIDATION_FAILED'));
}

/** Collects every `chat:message` a socket receives. */
function inbox(socket: Socket): ChatMessage[] {
  const received: ChatMessage[] = [];
  socket.on('chat:message', (m: ChatMessage) => received.push(m));
  return received;
}

describe('chat over the socket', () => {
  it('members hear new messages live; a non-member is refused and hears nothing; leaving stops it', async () => {
    const { host, a, waiting, run } = await setUp();
    const stranger = await newUser(t.app);
    const hostSocket = await connect(host.accessToken);
    const aSocket = await connect(a.accessToken);
    const waitingSocket = await connect(waiting.accessToken);
    const strangerSocket = await connect(stranger.accessToken);

    expect(await chatJoin(hostSocket, { runId: run.id })).toEqual({ ok: true });
    expect(await chatJoin(aSocket, { runId: run.id })).toEqual({ ok: true });
    expect(await chatJoin(waitingSocket, { runId: run.id })).toEqual(refused('RUN_NOT_FOUND'));
    expect(await chatJoin(strangerSocket, { runId: run.id })).toEqual(refused('RUN_NOT_FOUND'));
    expect(await chatJoin(strangerSocket, { runId: 'not-a-uuid' })).toEqual(refused('VALIDATION_FAILED'));
    const strangerHeard = inbox(strangerSocket);
    const waitingHeard = inbox(waitingSocket);
    const aHeard = inbox(aSocket);

    const arrived = next<ChatMessage>(hostSocket, 'chat:message');
    const sent = (await send(t.app, run, a, '지금 출발해요')).json<ChatMessage>();
    expect(await arrived).toEqual(sent);

    // A leaves: the seat goes to the waitlisted runner, A's socket stops hearing the chat at once.
    await t.app.inject({ method: 'DELETE', url: `/api/runs/${run.id}/participants/me`, headers: bearer(a) });
    const hostHears = next<ChatMessage>(hostSocket, 'chat:message');
    await send(t.app, run, host, '조심히 오세요');
    expect((await hostHears).content).toBe('조심히 오세요');
    await new Promise((r) => setTimeout(r, 200));
    expect(aHeard.map((m) => m.content)).toEqual(['지금 출발해요']);
    expect(strangerHeard).toEqual([]);
    expect(waitingHeard).toEqual([]);
    // Promoted now, the former waitlisted runner may join.
    expect(await chatJoin(waitingSocket, { runId: run.id })).toEqual({ ok: true });
    expect(await chatJoin(aSocket, { runId: run.id })).toEqual(refused('RUN_NOT_FOUND'));
  });

  it('a socket that sends chat:leave stops hearing the chat; other rooms and sockets are untouched', async () => {
    const { host, a, run } = await setUp();
    const other = await newRun(t.app, host);
    await join(other, a);
    const hostSocket = await connect(host.accessToken);
    const aSocket = await connect(a.accessToken);
    const aOtherTab = await connect(a.accessToken);
    for (const s of [hostSocket, aSocket, aOtherTab]) {
      expect(await chatJoin(s, { runId: run.id })).toEqual({ ok: true });
    }
    expect(await chatJoin(aSocket, { runId: other.id })).toEqual({ ok: true });
    const aHeard = inbox(aSocket);
    const otherTabHeard = inbox(aOtherTab);

    aSocket.emit('chat:leave', { runId: run.id });
    aSocket.emit('chat:leave', { runId: 'not-a-uuid' }); // ignored, never an error
    await settled(aSocket);
    const hostHears = next<ChatMessage>(hostSocket, 'chat:message');
    await send(t.app, run, host, '다들 출발했나요?');
    await send(t.app, other, host, '다른 러닝 공지');
    expect((await hostHears).content).toBe('다들 출발했나요?');
    await new Promise((r) => setTimeout(r, 200));
    expect(aHeard.map((m) => m.content)).toEqual(['다른 러닝 공지']);
    expect(otherTabHeard.map((m) => m.content)).toEqual(['다들 출발했나요?']);
  });

  it('a leave sent while the join is still being checked wins: the socket stays out', async () => {
    const { host, a, run } = await setUp();
    const hostSocket = await connect(host.accessToken);
    const aSocket = await connect(a.accessToken);
    expect(await chatJoin(hostSocket, { runId: run.id })).toEqual({ ok: true });
    const aHeard = inbox(aSocket);

    // A chat page opened and closed at once: both events go out before the membership check answers.
    const joined = chatJoin(aSocket, { runId: run.id });
    aSocket.emit('chat:leave', { runId: run.id });
    expect(await joined).toEqual({ ok: true });
    await settled(aSocket);
    const hostHears = next<ChatMessage>(hostSocket, 'chat:message');
    await send(t.app, run, host, '아무도 없나요?');
    expect((await hostHears).content).toBe('아무도 없나요?');
    await new Promise((r) => setTimeout(r, 200));
    expect(aHeard).toEqual([]);
  });
});

// Across processes needs the Redis adapter: this suite exists in the PostgreSQL + Redis run only.
if (process.env.TEST_REDIS_URL)
  describe('chat across two API processes', () => {
    it('a message sent through A reaches a member connected to B; a leave on A takes B’s socket out', async () => {
      const b = await createTestApp({ database: t.database, prefix: t.prefix, clock });
      const baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
      const onBSockets: Socket[] = [];
      try {
        const { host, a, run } = await setUp();
        // Each test app has its own signing key: sockets on B carry tokens B issued.
        const tokenOnB = async (u: TestUser) =>
          (
            await b.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { email: u.email, password: u.password },
            })
          ).json<Who>().accessToken;
        const onB = await connect(await tokenOnB(host), baseB);
        const aOnB = await connect(await tokenOnB(a), baseB);
        onBSockets.push(onB, aOnB);
        expect(await chatJoin(onB, { runId: run.id })).toEqual({ ok: true });
        expect(await chatJoin(aOnB, { runId: run.id })).toEqual({ ok: true });
        const arrived = next<ChatMessage>(onB, 'chat:message');
        const sent = (await send(t.app, run, a, '다른 서버에서 보내요')).json<ChatMessage>();
        expect(await arrived).toEqual(sent);

        await new Promise((r) => setTimeout(r, 100));
        const aHeard = inbox(aOnB);
        await t.app.inject({
          method: 'DELETE',
          url: `/api/runs/${run.id}/participants/me`,
          headers: bearer(a),
        });
        await new Promise((r) => setTimeout(r, 200));
        const hostHears = next<ChatMessage>(onB, 'chat:message');
        await send(t.app, run, host, '남은 사람끼리');
        expect((await hostHears).content).toBe('남은 사람끼리');
        await new Promise((r) => setTimeout(r, 200));
        expect(aHeard).toEqual([]);
      } finally {
        // Open websockets would keep B's HTTP server from closing.
        for (const s of onBSockets) s.disconnect();
        await b.close();
      }
    }, 60_000);
  });
