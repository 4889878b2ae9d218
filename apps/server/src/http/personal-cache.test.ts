import { describe, expect, it } from 'vitest';
import { PersonalCache } from './personal-cache.ts';

/** A load that counts its calls and answers when told. */
function loader<T>(value: T) {
  const calls: string[][] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  return {
    calls,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    one: async () => {
      calls.push([]);
      if (gate) await gate;
      return value;
    },
    byId: async (ids: string[]) => {
      calls.push(ids);
      if (gate) await gate;
      return new Map(ids.filter((id) => id !== 'none').map((id) => [id, `${id}:${String(value)}`]));
    },
  };
}

describe('PersonalCache (ADR 025)', () => {
  it('loads a user’s value once, then holds it; per id, only the ids it lacks, "none" included', async () => {
    const cache = new PersonalCache({ kind: 'local' });
    const load = loader('v');
    expect(await cache.one('u1', 'prefs', load.one)).toBe('v');
    expect(await cache.one('u1', 'prefs', load.one)).toBe('v');
    expect(load.calls).toHaveLength(1);

    expect([...(await cache.byId('u1', 'state', ['a', 'none'], load.byId))]).toEqual([['a', 'a:v']]);
    expect([...(await cache.byId('u1', 'state', ['a', 'none', 'b'], load.byId))]).toEqual([
      ['a', 'a:v'],
      ['b', 'b:v'],
    ]);
    expect(load.calls.slice(1)).toEqual([['a', 'none'], ['b']]);
    // Another user holds nothing of the first's.
    await cache.byId('u2', 'state', ['a'], load.byId);
    expect(load.calls.at(-1)).toEqual(['a']);
    expect(cache.counts).toEqual({ hits: 1, misses: 4 });
  });

  it('forgets everyone at a write, and keeps nothing a read was making when the write came', async () => {
    const cache = new PersonalCache({ kind: 'local' });
    const load = loader('old');
    await cache.one('u1', 'prefs', load.one);
    cache.wrote();
    load.hold();
    const during = cache.one('u1', 'prefs', load.one);
    cache.wrote();
    load.release();
    await during;
    await cache.one('u1', 'prefs', load.one);
    // Read first, read again after the write, and again: the read under way at the second write was not kept.
    expect(load.calls).toHaveLength(3);
  });

  it('keeps nothing when sharing is off or processes cannot hear each other', async () => {
    for (const cache of [new PersonalCache({ kind: 'local' }, false), new PersonalCache({ kind: 'off' })]) {
      const load = loader('v');
      await cache.one('u1', 'prefs', load.one);
      await cache.byId('u1', 'state', ['a'], load.byId);
      await cache.one('u1', 'prefs', load.one);
      await cache.byId('u1', 'state', ['a'], load.byId);
      expect(cache.enabled).toBe(false);
      expect(load.calls).toHaveLength(4);
    }
  });

  it('holds at most its bound of values per user, oldest dropped', async () => {
    const cache = new PersonalCache({ kind: 'local' }, true, 60_000, 10, 3);
    const load = loader('v');
    await cache.byId('u1', 'state', ['a', 'b', 'c', 'd'], load.byId);
    await cache.byId('u1', 'state', ['b', 'c', 'd'], load.byId);
    await cache.byId('u1', 'state', ['a'], load.byId);
    expect(load.calls).toEqual([['a', 'b', 'c', 'd'], ['a']]);
  });
});
