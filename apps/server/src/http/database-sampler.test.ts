import { describe, expect, it } from 'vitest';
import { type Backlog, DatabaseSampler } from './database-sampler.ts';

const backlog: Backlog = {
  pendingDeliveries: 4,
  oldestPendingSeconds: 12.5,
  pendingMails: 1,
  oldestPendingMailSeconds: 3,
  queuedJobs: undefined,
};

describe('DatabaseSampler', () => {
  it('reads once per interval however many scrapes ask, and once for concurrent ones', async () => {
    let reads = 0;
    const sampler = new DatabaseSampler(
      () => {
        reads += 1;
        return Promise.resolve(backlog);
      },
      1000,
      60_000,
    );
    const [a, b] = await Promise.all([sampler.get(), sampler.get()]);
    expect(a).toBe(b);
    await sampler.get();
    expect(reads).toBe(1);
    expect(a).toMatchObject({ reachable: true, ...backlog });
    sampler.forget();
    await sampler.get();
    expect(reads).toBe(2);
  });

  it('gives up on a database that never answers, saying it is unreachable', async () => {
    const sampler = new DatabaseSampler(() => new Promise<Backlog>(() => undefined), 50, 60_000);
    const sample = await sampler.get();
    expect(sample).toMatchObject({ reachable: false });
    expect(sample.pendingDeliveries).toBeUndefined();
  });

  it('tells an unreachable database from a failing query', async () => {
    const failing = (code: string) => () => Promise.reject(Object.assign(new Error(code), { code }));
    expect(await new DatabaseSampler(failing('ECONNREFUSED')).get()).toMatchObject({ reachable: false });
    expect(await new DatabaseSampler(failing('57P01')).get()).toMatchObject({ reachable: false });
    const broken = await new DatabaseSampler(failing('42P01')).get(); // undefined table: a bug, not an outage
    expect(broken).toMatchObject({ reachable: true });
    expect(broken.pendingDeliveries).toBeUndefined();
  });
});
