import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { AccountStatusCache, type AccountStatusSource } from './account-status.ts';

/** A source that counts its reads; `gate` holds a read until released. */
function source(active = true) {
  const state = { active, reads: 0, gate: undefined as Promise<void> | undefined };
  const src: AccountStatusSource = {
    active: async () => {
      state.reads += 1;
      const value = state.active;
      if (state.gate) await state.gate;
      return value;
    },
    restriction: async () => {
      state.reads += 1;
      return { suspendedUntil: null, bannedAt: null };
    },
  };
  return { state, src };
}

/** A subscriber connection: ready, subscribed at once; `drop()` and `back()` as ioredis emits them. */
function fakeSub() {
  const sub = Object.assign(new EventEmitter(), {
    status: 'ready',
    subscribe: async () => 1,
    unsubscribe: async () => 1,
  });
  return {
    sub: sub as unknown as Redis,
    drop: () => {
      sub.status = 'reconnecting';
      sub.emit('close');
    },
    back: () => {
      sub.status = 'ready';
      sub.emit('ready');
    },
    tell: (channel: string, userId: string) => sub.emit('message', channel, userId),
  };
}

const pub = { publish: async () => 1 } as unknown as Redis;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AccountStatusCache', () => {
  it('on one process, reads once and forgets on a change', async () => {
    const { state, src } = source();
    const cache = new AccountStatusCache(src, { kind: 'local' });
    expect(await cache.active('u', 's')).toBe(true);
    expect(await cache.active('u', 's')).toBe(true);
    expect(state.reads).toBe(1);
    state.active = false;
    cache.changed('u');
    expect(await cache.active('u', 's')).toBe(false);
    expect(state.reads).toBe(2);
  });

  it('remembers nothing when off (PostgreSQL without Redis)', async () => {
    const { state, src } = source();
    const cache = new AccountStatusCache(src, { kind: 'off' });
    await cache.active('u', null);
    await cache.active('u', null);
    expect(state.reads).toBe(2);
  });

  it('does not keep a read that was under way when the change came', async () => {
    const { state, src } = source();
    const cache = new AccountStatusCache(src, { kind: 'local' });
    let release = () => undefined as void;
    state.gate = new Promise((resolve) => (release = resolve));
    const during = cache.active('u', 's');
    // The account is deleted while the read (which saw it active) is on its way back.
    state.active = false;
    cache.changed('u');
    release();
    expect(await during).toBe(true);
    state.gate = undefined;
    expect(await cache.active('u', 's')).toBe(false);
  });

  it('with Redis: forgets what another process tells, and trusts nothing while the subscriber is away', async () => {
    const { state, src } = source();
    const { sub, drop, back, tell } = fakeSub();
    const cache = new AccountStatusCache(src, { kind: 'redis', pub, sub, channel: 'k:account-status' });
    await tick();
    await cache.active('u', 's');
    await cache.active('u', 's');
    expect(state.reads).toBe(1);

    tell('other-channel', 'u');
    await cache.active('u', 's');
    expect(state.reads).toBe(1);
    tell('k:account-status', 'u');
    await cache.active('u', 's');
    expect(state.reads).toBe(2);

    drop();
    await cache.active('u', 's');
    await cache.active('u', 's');
    expect(state.reads).toBe(4);

    // Back and subscribed again: what it knew before the drop is not used; it reads once, then remembers.
    back();
    await tick();
    await cache.active('u', 's');
    await cache.active('u', 's');
    expect(state.reads).toBe(5);
  });

  it('remembers per session: another session of the same user is read on its own', async () => {
    const { state, src } = source();
    const cache = new AccountStatusCache(src, { kind: 'local' });
    await cache.active('u', 'a');
    await cache.active('u', 'b');
    await cache.active('u', 'a');
    await cache.restriction('u');
    await cache.restriction('u');
    expect(state.reads).toBe(3);
  });
});
