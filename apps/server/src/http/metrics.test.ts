import { describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { bearerMatches, DatabaseSampler } from './metrics.ts';

/** A database whose queries answer as `answer` says, counting them. */
function fakeDatabase(answer: () => Promise<{ rows: unknown[] }>) {
  const calls = { count: 0 };
  const database = {
    kind: 'pglite',
    db: {
      execute: () => {
        calls.count += 1;
        return answer();
      },
    },
  } as unknown as Database;
  return { database, calls };
}

const rows = (...r: unknown[]) => Promise.resolve({ rows: r });

describe('DatabaseSampler', () => {
  it('reads the database once per interval however many scrapes ask, and once for concurrent ones', async () => {
    let n = 0;
    const { database, calls } = fakeDatabase(() => {
      n += 1;
      // outbox, then "is pg-boss there" (no)
      return n % 2 === 1 ? rows({ pending: 4, oldest: 12.5 }) : rows({ present: false });
    });
    const sampler = new DatabaseSampler(database, 1000, 60_000);
    const [a, b] = await Promise.all([sampler.get(), sampler.get()]);
    expect(a).toBe(b);
    await sampler.get();
    expect(calls.count).toBe(2);
    expect(a).toMatchObject({ reachable: true, pendingDeliveries: 4, oldestPendingSeconds: 12.5 });
    expect(a.queuedJobs).toBeUndefined();
    sampler.forget();
    await sampler.get();
    expect(calls.count).toBe(4);
  });

  it('gives up on a database that never answers, saying it is unreachable', async () => {
    const { database } = fakeDatabase(() => new Promise(() => undefined));
    const sample = await new DatabaseSampler(database, 50, 60_000).get();
    expect(sample).toMatchObject({ reachable: false });
    expect(sample.pendingDeliveries).toBeUndefined();
  });

  it('tells an unreachable database from a failing query', async () => {
    const refused = fakeDatabase(() =>
      Promise.reject(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })),
    );
    expect(await new DatabaseSampler(refused.database).get()).toMatchObject({ reachable: false });
    const broken = fakeDatabase(() =>
      Promise.reject(Object.assign(new Error('no such table'), { code: '42P01' })),
    );
    expect(await new DatabaseSampler(broken.database).get()).toMatchObject({ reachable: true });
  });
});

describe('bearerMatches', () => {
  const token = 'scrape-token-0123456789abcdef';
  it('accepts exactly the token, as Prometheus sends it', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    for (const header of [
      undefined,
      '',
      token,
      'Bearer',
      `Bearer ${token}0`,
      `Bearer x${token}`,
      `Basic ${token}`,
    ])
      expect(bearerMatches(header, token), String(header)).toBe(false);
  });
});
