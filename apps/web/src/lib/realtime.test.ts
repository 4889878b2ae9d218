import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSockets, type FakeSocket } from '../test/realtime.ts';
import type { AuthStatus } from './api-client.ts';
import { createRealtime } from './realtime.ts';

const RUN_ID = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

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

describe('realtime', () => {
  it('connects only while signed in: never for guests, and disconnects on sign-out', () => {
    const session = fakeSession(null);
    const { factory, sockets, last } = fakeSockets();
    stop = createRealtime(session).start(factory);
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
    });
    await tick();
    await tick();
    expect(session.refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(last()).toMatchObject({ connected: true, tokens: ['expired', 'fresh-token'] });
  });

  it('reconnects with a new token when the server drops the socket at token expiry', async () => {
    const session = fakeSession('token-1');
    const { factory, last } = fakeSockets();
    stop = createRealtime(session).start(factory);
    last()?.drop();
    await tick();
    await tick();
    expect(session.refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(last()).toMatchObject({ connected: true, tokens: ['token-1', 'fresh-token'] });
  });

  it('uses a token another request already refreshed instead of refreshing again', async () => {
    const session = fakeSession('token-1');
    const { factory, last } = fakeSockets();
    stop = createRealtime(session).start(factory);
    session.set('token-2'); // the API client refreshed meanwhile; still signed in
    last()?.drop();
    await tick();
    await tick();
    expect(session.refreshAccessToken).not.toHaveBeenCalled();
    expect(last()?.tokens).toEqual(['token-1', 'token-2']);
  });

  it('joins watched run rooms, again after reconnecting, and leaves them', async () => {
    const session = fakeSession('token-1');
    const { factory, last } = fakeSockets();
    const realtime = createRealtime(session);
    stop = realtime.start(factory);
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

  it('passes on valid payloads only', () => {
    const session = fakeSession('token-1');
    const { factory, last } = fakeSockets();
    const realtime = createRealtime(session);
    stop = realtime.start(factory);
    const counts: number[] = [];
    realtime.on('notification:count', ({ unreadCount }) => counts.push(unreadCount));
    last()?.serverEmit('notification:count', { unreadCount: 3 });
    last()?.serverEmit('notification:count', { unreadCount: 'lots' });
    last()?.serverEmit('other', { unreadCount: 4 });
    expect(counts).toEqual([3]);
  });
});
