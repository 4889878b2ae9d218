import type {
  ChatList,
  ChatMembers,
  ChatMessage,
  ChatPage,
  ErrorBody,
  NotificationPage,
  RealtimeAck,
} from '@erun/contracts';
import { defaultNotificationPreferences } from '@erun/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { addMember, crewRows, removeMember } from '../../test/crew-fixtures.ts';

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
type Chat = { kind: 'run' | 'crew'; id: string };

const messagesUrl = (chat: Chat) =>
  chat.kind === 'run' ? `/api/runs/${chat.id}/messages` : `/api/crews/${chat.id}/chat/messages`;
const readUrl = (chat: Chat) =>
  chat.kind === 'run' ? `/api/runs/${chat.id}/messages/read` : `/api/crews/${chat.id}/chat/read`;

const send = (chat: Chat, who: Who, content: string) =>
  t.app.inject({ method: 'POST', url: messagesUrl(chat), headers: bearer(who), payload: { content } });
const page = (chat: Chat, who: Who) =>
  t.app.inject({ method: 'GET', url: messagesUrl(chat), headers: bearer(who) });
const read = (chat: Chat, who: Who) =>
  t.app.inject({ method: 'POST', url: readUrl(chat), headers: bearer(who) });
const myChats = async (who: Who) =>
  (await t.app.inject({ method: 'GET', url: '/api/me/chats', headers: bearer(who) })).json<ChatList>();
const mute = (chat: Chat, who: Who, muted: boolean) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/chats/${chat.kind}/${chat.id}/mute`,
    headers: bearer(who),
    payload: { muted },
  });
const pin = (chat: Chat, who: Who, messageId: string, method: 'PUT' | 'DELETE' = 'PUT') =>
  t.app.inject({
    method,
    url: `/api/chats/${chat.kind}/${chat.id}/messages/${messageId}/pin`,
    headers: bearer(who),
  });
/** The user's chat notifications, newest first. */
async function chatNotices(who: Who) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/notifications?limit=100',
    headers: bearer(who),
  });
  return res
    .json<NotificationPage>()
    .items.filter((n) => n.category === 'chat_message' || n.category === 'chat_mention');
}

/** A crew with its owner, a staff member and two members. */
async function crewSetUp() {
  clock.offsetMs = 0;
  // Distinct nicknames (one with a space, one a prefix of another) for the @mention rules.
  const tag = Math.random().toString(36).slice(2, 6);
  const [owner, staff, a, b] = await Promise.all([
    newUser(t.app, { nickname: `크루장 ${tag}` }),
    newUser(t.app, { nickname: `운영${tag}` }),
    newUser(t.app, { nickname: `러너${tag}` }),
    newUser(t.app, { nickname: `러너${tag}2` }),
  ]);
  const crew = await crewRows(t, owner, { staff: [staff], members: [a, b] });
  return { owner, staff, a, b, crew, chat: { kind: 'crew', id: crew.id } as Chat };
}

/** A run with its host and two joined runners. */
async function runSetUp() {
  clock.offsetMs = 0;
  const [host, a, b] = await Promise.all([newUser(t.app), newUser(t.app), newUser(t.app)]);
  const run = await newRun(t.app, host, { capacity: 5 });
  for (const r of [a, b]) {
    await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(r) });
  }
  return { host, a, b, run, chat: { kind: 'run', id: run.id } as Chat };
}

/** Lets the given time pass (members stop counting as "looking at the chat" after a minute). */
function later(ms: number) {
  clock.offsetMs += ms;
}

describe('crew chat', () => {
  it('members read and write; pending, banned and strangers get 403 NOT_CREW_MEMBER; a missing crew 404', async () => {
    const { owner, a, crew, chat } = await crewSetUp();
    const [pending, banned, stranger] = await Promise.all([newUser(t.app), newUser(t.app), newUser(t.app)]);
    await addMember(t, crew.id, pending, 'member', 'pending');
    await addMember(t, crew.id, banned, 'member', 'banned');

    const sent = await send(chat, a, '이번 주 화요일 반포 모여요');
    expect(sent.statusCode).toBe(201);
    expect(sent.json<ChatMessage>()).toMatchObject({
      crewId: crew.id,
      runId: null,
      author: { id: a.user.id },
    });
    const seen = (await page(chat, owner)).json<ChatPage>();
    expect(seen.items.map((m) => m.content)).toEqual(['이번 주 화요일 반포 모여요']);
    expect(seen).toMatchObject({ closesAt: null, closed: false, pinned: null, muted: false, canPin: true });
    expect((await page(chat, a)).json<ChatPage>().canPin).toBe(false);
    expect((await read(chat, a)).statusCode).toBe(204);

    for (const who of [pending, banned, stranger]) {
      for (const res of [await page(chat, who), await send(chat, who, '저도요'), await read(chat, who)]) {
        expect(res.statusCode).toBe(403);
        expect(res.json<ErrorBody>().code).toBe('NOT_CREW_MEMBER');
      }
    }
    const missing = { kind: 'crew', id: '00000000-0000-4000-8000-000000000000' } as Chat;
    for (const res of [await page(missing, a), await send(missing, a, '?'), await read(missing, a)]) {
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorBody>().code).toBe('CREW_NOT_FOUND');
    }
    // Removed from the crew: out of its chat on the next request.
    await removeMember(t, crew.id, a);
    expect((await page(chat, a)).statusCode).toBe(403);
  });

  it('lists the members for @mention suggestions, to members only', async () => {
    const { owner, staff, a, b, chat } = await crewSetUp();
    const members = await t.app.inject({
      method: 'GET',
      url: `/api/chats/crew/${chat.id}/members`,
      headers: bearer(a),
    });
    expect(members.statusCode).toBe(200);
    expect(new Set(members.json<ChatMembers>().items.map((m) => m.id))).toEqual(
      new Set([owner, staff, a, b].map((u) => u.user.id)),
    );
    const stranger = await newUser(t.app);
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/chats/crew/${chat.id}/members`,
      headers: bearer(stranger),
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('my chats', () => {
  it('lists run and crew chats, most recently active first, with unread counts and the total', async () => {
    const crewSide = await crewSetUp();
    const runSide = await runSetUp();
    // One runner who is in both.
    const both = runSide.a;
    await addMember(t, crewSide.crew.id, both);

    await send(runSide.chat, runSide.host, '내일 7시 출발');
    await send(runSide.chat, runSide.b, '넵');
    later(1000);
    await send(crewSide.chat, crewSide.owner, '이번 주 정기런 공지');

    const list = await myChats(both);
    expect(list.items.map((c) => [c.kind, c.id])).toEqual([
      ['crew', crewSide.crew.id],
      ['run', runSide.run.id],
    ]);
    expect(list.items[0]).toMatchObject({
      title: crewSide.crew.name,
      unreadCount: 1,
      muted: false,
      startsAt: null,
      closesAt: null,
      lastMessage: { content: '이번 주 정기런 공지', crewId: crewSide.crew.id },
    });
    expect(list.items[1]).toMatchObject({ unreadCount: 2, lastMessage: { content: '넵' } });
    expect(list.unreadCount).toBe(3);

    await read(runSide.chat, both);
    const after = await myChats(both);
    expect(after.unreadCount).toBe(1);
    expect(after.items.find((c) => c.kind === 'run')?.unreadCount).toBe(0);
    // Another member of the crew: the crew chat only.
    const crewOnly = await myChats(crewSide.a);
    expect(crewOnly.items.map((c) => c.kind)).toEqual(['crew']);
    expect(crewOnly.unreadCount).toBe(1);
    // Muting shows in the list.
    expect((await mute(crewSide.chat, crewSide.a, true)).statusCode).toBe(204);
    expect((await myChats(crewSide.a)).items[0]).toMatchObject({ muted: true, unreadCount: 1 });
  });
});

describe('chat notifications', () => {
  it('push is on by default for chat messages and mentions (muting is per chat)', () => {
    const prefs = defaultNotificationPreferences();
    expect(prefs.chat_message.push).toBe(true);
    expect(prefs.chat_mention.push).toBe(true);
  });

  it('a busy chat gives each member one chat_message until they read it; reading re-arms it', async () => {
    const { host, a, b, chat } = await runSetUp();
    await send(chat, host, '하나');
    await send(chat, host, '둘');
    await send(chat, b, '셋');
    const first = await chatNotices(a);
    expect(first.map((n) => n.category)).toEqual(['chat_message']);
    expect(first[0]).toMatchObject({ link: `/runs/${chat.id}/chat`, actor: { id: host.user.id } });
    // The host had just written: looking at the chat, so b's message pushes nothing to them.
    expect(await chatNotices(host)).toEqual([]);

    await read(chat, a);
    // Still looking at it a moment after reading: no push.
    await send(chat, host, '넷');
    expect((await chatNotices(a)).length).toBe(1);
    // A while later, away from the chat: the next message notifies again (once).
    later(2 * 60_000);
    await send(chat, host, '다섯');
    await send(chat, host, '여섯');
    expect((await chatNotices(a)).length).toBe(2);
  });

  it('mute stops chat_message but not @mentions; mentions reach members only, never the author', async () => {
    const { owner, staff, a, b, chat } = await crewSetUp();
    const outsider = await newUser(t.app);
    const nickOf = async (u: TestUser) =>
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(u) })).json<{ nickname: string }>()
        .nickname;
    const [aNick, ownerNick, outsiderNick] = await Promise.all([nickOf(a), nickOf(owner), nickOf(outsider)]);

    expect((await mute(chat, a, true)).statusCode).toBe(204);
    await send(chat, staff, '이번 주 코스 바뀌었어요');
    expect(await chatNotices(a)).toEqual([]);
    expect((await chatNotices(b)).map((n) => n.category)).toEqual(['chat_message']);

    await send(chat, owner, `@${aNick} @${outsiderNick} @${ownerNick} 확인 부탁해요`);
    expect((await chatNotices(a)).map((n) => n.category)).toEqual(['chat_mention']);
    // b's nickname starts with a's: "@a" is not "@b".
    expect((await chatNotices(b)).map((n) => n.category)).toEqual(['chat_message']);
    expect(await chatNotices(outsider)).toEqual([]);
    // Never to the author, though named.
    expect((await chatNotices(owner)).filter((n) => n.category === 'chat_mention')).toEqual([]);
    // A nickname with a space is mentioned whole.
    await send(chat, staff, `@${ownerNick} 공지 올려 주세요`);
    expect((await chatNotices(owner)).map((n) => n.category)).toEqual(['chat_mention', 'chat_message']);
    // A mention is not coalesced: a second one notifies again.
    await send(chat, b, `@${aNick} 같이 가요`);
    expect((await chatNotices(a)).map((n) => n.category)).toEqual(['chat_mention', 'chat_mention']);

    // Unmuted: messages notify again.
    await mute(chat, a, false);
    later(2 * 60_000);
    await send(chat, staff, '내일 봬요');
    expect((await chatNotices(a)).map((n) => n.category)).toEqual([
      'chat_message',
      'chat_mention',
      'chat_mention',
    ]);
    // A stranger cannot mute a crew chat they are not in.
    expect((await mute(chat, outsider, true)).statusCode).toBe(403);
  });
});

describe('pinned notice', () => {
  it('the run host pins; runners may not; the page carries the latest pin; unpinning clears it', async () => {
    const { host, a, chat } = await runSetUp();
    const one = (await send(chat, host, '집결: 반포 세빛섬 앞')).json<ChatMessage>();
    const two = (await send(chat, a, '넵')).json<ChatMessage>();

    const refused = await pin(chat, a, two.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().code).toBe('NOT_HOST');
    expect((await page(chat, host)).json<ChatPage>()).toMatchObject({ pinned: null, canPin: true });

    expect((await pin(chat, host, one.id)).statusCode).toBe(204);
    expect((await page(chat, a)).json<ChatPage>().pinned).toMatchObject({ id: one.id, content: one.content });
    later(1000);
    expect((await pin(chat, host, two.id)).statusCode).toBe(204);
    expect((await page(chat, a)).json<ChatPage>().pinned?.id).toBe(two.id);
    expect((await pin(chat, host, two.id, 'DELETE')).statusCode).toBe(204);
    expect((await page(chat, a)).json<ChatPage>().pinned?.id).toBe(one.id);
    expect((await pin(chat, host, one.id, 'DELETE')).statusCode).toBe(204);
    expect((await page(chat, a)).json<ChatPage>().pinned).toBeNull();

    // A message of another chat is not this chat's to pin.
    const other = await runSetUp();
    const foreign = (await send(other.chat, other.host, '다른 런')).json<ChatMessage>();
    expect((await pin(chat, host, foreign.id)).statusCode).toBe(404);
  });

  it('crew staff pin; plain members get 403 NOT_CREW_STAFF', async () => {
    const { staff, a, chat } = await crewSetUp();
    const notice = (await send(chat, a, '토요일 LSD 20km')).json<ChatMessage>();
    const refused = await pin(chat, a, notice.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().code).toBe('NOT_CREW_STAFF');
    expect((await pin(chat, staff, notice.id)).statusCode).toBe(204);
    expect((await page(chat, a)).json<ChatPage>().pinned?.id).toBe(notice.id);
  });

  it("in a crew run's chat the crew's staff in the run pin and unpin like its host; a member runner may not", async () => {
    const { owner, staff, a, crew } = await crewSetUp();
    const host = await newUser(t.app);
    await addMember(t, crew.id, host, 'staff');
    const run = await newRun(t.app, host, { crewId: crew.id, capacity: 6 });
    for (const r of [owner, staff, a]) {
      const joined = await t.app.inject({
        method: 'POST',
        url: `/api/runs/${run.id}/participants`,
        headers: bearer(r),
      });
      expect(joined.statusCode).toBe(201);
    }
    const chat: Chat = { kind: 'run', id: run.id };
    const notice = (await send(chat, host, '집결: 반포 세빛섬 앞 19:20')).json<ChatMessage>();
    expect((await page(chat, staff)).json<ChatPage>().canPin).toBe(true);
    expect((await page(chat, owner)).json<ChatPage>().canPin).toBe(true);
    expect((await page(chat, a)).json<ChatPage>().canPin).toBe(false);
    const refused = await pin(chat, a, notice.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().code).toBe('NOT_HOST');
    expect((await pin(chat, staff, notice.id)).statusCode).toBe(204);
    expect((await page(chat, a)).json<ChatPage>().pinned?.id).toBe(notice.id);
    expect((await pin(chat, owner, notice.id, 'DELETE')).statusCode).toBe(204);
    expect((await page(chat, a)).json<ChatPage>().pinned).toBeNull();
    // Staff of the crew no more: no pin.
    await addMember(t, crew.id, staff, 'member');
    expect((await pin(chat, staff, notice.id)).statusCode).toBe(403);
  });
});

function connect(token: string): Promise<Socket> {
  const socket = io(base, {
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

function next<T>(socket: Socket, event: string, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}`)), ms);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

function collect<T>(socket: Socket, event: string): T[] {
  const got: T[] = [];
  socket.on(event, (payload: T) => got.push(payload));
  return got;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live', () => {
  it('members elsewhere in the app hear chats:changed with their unread total; reading lowers it', async () => {
    const { owner, a, chat } = await crewSetUp();
    const runSide = await runSetUp();
    await addMember(t, chat.id, runSide.a);
    const socket = await connect(runSide.a.accessToken);

    const first = next<{ unreadCount: number }>(socket, 'chats:changed');
    await send(chat, owner, '오늘 비 와요');
    expect(await first).toEqual({ unreadCount: 1 });
    const second = next<{ unreadCount: number }>(socket, 'chats:changed');
    await send(runSide.chat, runSide.host, '그래도 달려요');
    expect(await second).toEqual({ unreadCount: 2 });
    const third = next<{ unreadCount: number }>(socket, 'chats:changed');
    await read(chat, runSide.a);
    expect(await third).toEqual({ unreadCount: 1 });

    // The author hears their own total (0: sending reads the chat).
    const authorSocket = await connect(a.accessToken);
    const mine = next<{ unreadCount: number }>(authorSocket, 'chats:changed');
    await send(chat, a, '저도 가요');
    expect(await mine).toEqual({ unreadCount: 0 });
  });

  it('crew chat room: members hear messages and pins; strangers are refused; a removed member stops hearing', async () => {
    const { owner, staff, a, crew, chat } = await crewSetUp();
    const stranger = await newUser(t.app);
    const [sa, ss] = await Promise.all([connect(a.accessToken), connect(stranger.accessToken)]);
    const join = (s: Socket) =>
      s.timeout(5000).emitWithAck('crew-chat:join', { crewId: crew.id }) as Promise<RealtimeAck>;
    expect(await join(sa)).toEqual({ ok: true });
    expect(await join(ss)).toMatchObject({ error: { code: 'RUN_NOT_FOUND' } });
    const strangerHeard = collect<ChatMessage>(ss, 'chat:message');

    const heard = next<ChatMessage>(sa, 'chat:message');
    const sent = (await send(chat, owner, '공지 확인해 주세요')).json<ChatMessage>();
    expect(await heard).toMatchObject({ id: sent.id, crewId: crew.id });

    const pinned = next<{ kind: string; id: string; pinned: ChatMessage | null }>(sa, 'chat:pinned');
    await pin(chat, staff, sent.id);
    expect(await pinned).toMatchObject({ kind: 'crew', id: crew.id, pinned: { id: sent.id } });

    // Removed from the crew (the crews module calls revokeCrew after it commits).
    await removeMember(t, crew.id, a);
    t.services.chat.revokeCrew(crew.id, [a.user.id]);
    await pause(100);
    const aHeard = collect<ChatMessage>(sa, 'chat:message');
    await send(chat, owner, '이건 못 들어요');
    await pause(300);
    expect(aHeard).toEqual([]);
    expect(strangerHeard).toEqual([]);
    expect(await join(sa)).toMatchObject({ error: { code: 'RUN_NOT_FOUND' } });
  });

  it('run chats: a co-host is a member and may pin', async () => {
    const { host, a, run, chat } = await runSetUp();
    const cohost = await newUser(t.app);
    await t.database.executeSql(
      `insert into run_cohosts (run_id, user_id, created_at) values ($1, $2, now())`,
      [run.id, cohost.user.id],
    );
    const sent = (await send(chat, cohost, '코호스트입니다')).json<ChatMessage>();
    expect(sent.runId).toBe(run.id);
    expect((await pin(chat, cohost, sent.id)).statusCode).toBe(204);
    expect((await myChats(cohost)).items.map((c) => c.id)).toEqual([run.id]);
    // The co-host hears messages like everyone else.
    expect(await chatNotices(cohost)).toEqual([]);
    later(2 * 60_000);
    await send(chat, host, '감사해요');
    expect((await chatNotices(cohost)).map((n) => n.category)).toEqual(['chat_message']);
    // One for the two messages: the second waited behind the first.
    expect((await chatNotices(a)).length).toBe(1);
  });
});
