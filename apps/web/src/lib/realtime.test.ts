import type { ChatMessage } from '@erun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSockets, type FakeSocket, realtimeChecks } from '../test/realtime.ts';
import type { AuthStatus } from './api-client.ts';
import { createRealtime, type ChatRoomState } from './realtime.ts';

const RUN_ID = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const OTHER_RUN_ID = '6b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';

function fakeSession(initial: string | null) {
  let token = initial;
  const listeners = new Set<() => void>();
  const session = {
    getStatus: (): AuthStatus => (token === null ? 'signed-out' : 'signed-in'),
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getAccessToken: () => token,
    refreshAccessToken: vi.fn(async () => {
      token = 'fresh-token';
      return Promise.resolve(token);
    }),
    set(next: string | null) {
      token = next;
      listeners.forEach((listener) => listener());
    },
  };
  return session;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
let stop: (() => void) | undefined;
afterEach(() => stop?.());

/** A realtime client started for a signed-in session, on fake sockets. */
function started(token = 'token-1') {
  const session = fakeSession(token);
  const { factory, last } = fakeSockets();
  const realtime = createRealtime(session);
  stop = realtime.start(factory, realtimeChecks);
  return { session, last, realtime };
}

describe('realtime', () => {
  it('connects only while signed in: never for guests, and disconnects on sign-out', () => {
    const session = fakeSession(null);
    const { factory, sockets, last } = fakeSockets();
    stop = createRealtime(session).start(factory, realtimeChecks);
    expect(sockets).toHaveLength(0);

    session.set('token-1');
    expect(last()?.connected).toBe(true);
    expect(last()?.tokens).toEqual(['token-1']);

    session.set(null);
    expect(last()?.connected).toBe(false);
  });

  it('gets a fresh token and reconnects when the handshake is refused', async () => {
    const session = fakeSession('expired');
    const { factory, last } = fakeSockets();
    stop = createRealtime(session).start((auth) => {
      const made = factory(auth) as FakeSocket;
      made.refuseNext = true; // the first handshake only: the socket clears it once used
      return made;
    }, realtimeChecks);
    await tick();
    await tick();
    expect(session.refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(last()).toMatchObject({ connected: true, tokens: ['expired', 'fresh-token'] });
  });

  it('reconnects with a new token when the server drops the socket at token expiry', async () => {
    const session = fakeSession('token-1');
    const { factory, last } = fakeSockets();
    stop = createRealtime(session).start(factory, realtimeChecks);
    last()?.drop();
    await tick();
    await tick();
    expect(session.refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(last()).toMatchObject({ connected: true, tokens: ['token-1', 'fresh-token'] });
  });

  it('uses a token another request already refreshed instead of refreshing again', async () => {
    const session = fakeSession('token-1');
    const { factory, last } = fakeSockets();
    stop = createRealtime(session).start(factory, realtimeChecks);
    session.set('token-2'); // the API client refreshed meanwhile; still signed in
    last()?.drop();
    await tick();
    await tick();
    expect(session.refreshAccessToken).not.toHaveBeenCalled();
    expect(last()?.tokens).toEqual(['token-1', 'token-2']);
  });

  it('joins watched run rooms, again after reconnecting, and leaves them', async () => {
    const { last, realtime } = started();
    const unwatch = realtime.watchRun(RUN_ID);
    expect(last()?.emitted).toEqual([['run:watch', RUN_ID]]);

    last()?.drop();
    await tick();
    await tick();
    expect(last()?.emitted).toEqual([
      ['run:watch', RUN_ID],
      ['run:watch', RUN_ID],
    ]);
    unwatch();
    expect(last()?.emitted.at(-1)).toEqual(['run:unwatch', RUN_ID]);
  });

  it('asks for a room once when a page starts watching while the socket is reconnecting', async () => {
    const { last, realtime } = started();
    last()?.drop();
    const unwatch = realtime.watchRun(RUN_ID); // disconnected: socket.io would buffer an emit until connected
    await tick();
    await tick();
    expect(last()?.connected).toBe(true);
    expect(last()?.emitted.filter(([event]) => event === 'run:watch')).toEqual([['run:watch', RUN_ID]]);
    unwatch();
  });

  it('passes on valid payloads only', () => {
    const { last, realtime } = started();
    const counts: number[] = [];
    realtime.on('notification:count', ({ unreadCount }) => counts.push(unreadCount));
    last()?.serverEmit('notification:count', { unreadCount: 3 });
    last()?.serverEmit('notification:count', { unreadCount: 'lots' });
    last()?.serverEmit('other', { unreadCount: 4 });
    expect(counts).toEqual([3]);
  });

  it('fetches again, as after a reconnection, when the server says events were missed (resync)', () => {
    const { last, realtime } = started();
    let refetches = 0;
    realtime.onConnect(() => (refetches += 1));
    last()?.serverEmit('resync', {});
    expect(refetches).toBe(1);
  });
});

function chatMessage(runId: string, content: string): ChatMessage {
  return {
    id: crypto.randomUUID(),
    runId,
    crewId: null,
    author: { id: '3c9d2e61-5b7a-4c1f-8e2d-9a0b1c2d3e4f', nickname: '크루장', avatar: null },
    content,
    hidden: false,
    createdAt: '2026-05-01T06:30:00+09:00',
  };
}

/** A chat room member that records what the room reports. */
function chatMember() {
  const states: ChatRoomState[] = [];
  const messages: string[] = [];
  const handlers = {
    onState: (state: ChatRoomState) => states.push(state),
    onMessage: (message: ChatMessage) => messages.push(message.content),
    onResync: vi.fn(),
  };
  return { states, messages, handlers };
}

const joins = (socket: FakeSocket | undefined) => socket?.emitted.filter(([event]) => event === 'chat:join');

describe('realtime chat rooms', () => {
  it('joins on connect, goes live once the server lets it in, and resyncs', () => {
    const session = fakeSession(null);
    const { factory, last } = fakeSockets();
    const realtime = createRealtime(session);
    stop = realtime.start(factory, realtimeChecks);
    const member = chatMember();
    realtime.joinChat(RUN_ID, member.handlers);
    expect(member.states).toEqual(['connecting']);

    session.set('token-1'); // signed in: the socket connects and asks to enter
    expect(joins(last())).toEqual([['chat:join', { runId: RUN_ID }]]);
    expect(member.states).toEqual(['connecting']);
    last()?.answer('chat:join', { ok: true });
    expect(member.states).toEqual(['connecting', 'live']);
    expect(member.handlers.onResync).toHaveBeenCalledTimes(1);
  });

  it('fetches an open chat again when its room says messages changed (a message hidden by moderation)', () => {
    const { last, realtime } = started();
    const member = chatMember();
    realtime.joinChat(RUN_ID, member.handlers);
    last()?.answer('chat:join', { ok: true });
    expect(member.handlers.onResync).toHaveBeenCalledTimes(1);
    last()?.serverEmit('resync', {});
    expect(member.handlers.onResync).toHaveBeenCalledTimes(2);
  });

  it('joins again after a reconnect, offline meanwhile, and resyncs once back in', async () => {
    const { last, realtime } = started();
    const member = chatMember();
    realtime.joinChat(RUN_ID, member.handlers);
    last()?.answer('chat:join', { ok: true });

    last()?.drop(); // the token expired
    expect(member.states).toEqual(['connecting', 'live', 'offline']);
    await tick();
    await tick();
    expect(last()?.tokens).toEqual(['token-1', 'fresh-token']);
    expect(joins(last())).toHaveLength(2);
    last()?.answer('chat:join', { ok: true });
    expect(member.states).toEqual(['connecting', 'live', 'offline', 'live']);
    expect(member.handlers.onResync).toHaveBeenCalledTimes(2);
  });

  it('reports a refused join as refused', () => {
    const { last, realtime } = started();
    const member = chatMember();
    realtime.joinChat(RUN_ID, member.handlers);
    last()?.answer('chat:join', { error: { code: 'RUN_NOT_FOUND', message: 'Run not found' } });
    expect(member.states).toEqual(['connecting', 'refused']);
    expect(member.handlers.onResync).not.toHaveBeenCalled();
  });

  it('is offline while the handshake is refused, and enters once a fresh token gets it through', async () => {
    const session = fakeSession('expired');
    const { factory, last } = fakeSockets();
    const realtime = createRealtime(session);
    const member = chatMember();
    realtime.joinChat(RUN_ID, member.handlers);
    stop = realtime.start((auth) => {
      const made = factory(auth) as FakeSocket;
      made.refuseNext = true;
      return made;
    }, realtimeChecks);
    expect(member.states).toEqual(['connecting', 'offline']);
    await tick();
    await tick();
    last()?.answer('chat:join', { ok: true });
    expect(member.states).toEqual(['connecting', 'offline', 'live']);
  });

  it('ignores the answer to a join sent before the socket dropped', async () => {
    const { last, realtime } = started();
    const member = chatMember();
    realtime.joinChat(RUN_ID, member.handlers);
    const first = last()?.awaitingAck[0];
    last()?.drop();
    await tick();
    await tick();
    first?.ack({ error: 'INTERNAL_ERROR' }); // late: the rejoin is what counts
    expect(member.states).toEqual(['connecting', 'offline']);
    last()?.answer('chat:join', { ok: true });
    expect(member.states).toEqual(['connecting', 'offline', 'live']);
  });

  it("passes on its run's valid messages only, to every member, and leaves when the last one goes", () => {
    const { last, realtime } = started();
    const first = chatMember();
    const second = chatMember();
    const leaveFirst = realtime.joinChat(RUN_ID, first.handlers);
    last()?.answer('chat:join', { ok: true });
    const leaveSecond = realtime.joinChat(RUN_ID, second.handlers);
    expect(joins(last())).toHaveLength(1); // one room, entered once
    expect(second.states).toEqual(['live']);
    expect(second.handlers.onResync).toHaveBeenCalledTimes(1);

    last()?.serverEmit('chat:message', chatMessage(RUN_ID, '지금 출발해요'));
    last()?.serverEmit('chat:message', chatMessage(OTHER_RUN_ID, '다른 방 이야기'));
    last()?.serverEmit('chat:message', { ...chatMessage(RUN_ID, '깨진 메시지'), createdAt: 'yesterday' });
    expect(first.messages).toEqual(['지금 출발해요']);
    expect(second.messages).toEqual(['지금 출발해요']);

    leaveFirst();
    leaveFirst(); // twice is once
    expect(last()?.emitted.some(([event]) => event === 'chat:leave')).toBe(false);
    leaveSecond();
    expect(last()?.emitted.at(-1)).toEqual(['chat:leave', { runId: RUN_ID }]);
    last()?.serverEmit('chat:message', chatMessage(RUN_ID, '떠난 뒤'));
    expect(second.messages).toEqual(['지금 출발해요']);
  });

  it('a room left while disconnected is not joined again on reconnect', async () => {
    const { last, realtime } = started();
    const leave = realtime.joinChat(RUN_ID, chatMember().handlers);
    last()?.drop();
    leave();
    await tick();
    await tick();
    expect(last()?.connected).toBe(true);
    expect(last()?.emitted).toEqual([['chat:join', { runId: RUN_ID }]]);
  });

  it('goes offline on sign-out and enters again on the next sign-in', () => {
    const session = fakeSession('token-1');
    const { factory, sockets, last } = fakeSockets();
    const realtime = createRealtime(session);
    stop = realtime.start(factory, realtimeChecks);
    const member = chatMember();
    realtime.joinChat(RUN_ID, member.handlers);
    last()?.answer('chat:join', { ok: true });
    session.set(null);
    expect(member.states).toEqual(['connecting', 'live', 'offline']);
    session.set('token-2');
    expect(sockets).toHaveLength(2);
    expect(joins(last())).toEqual([['chat:join', { runId: RUN_ID }]]);
  });
});
