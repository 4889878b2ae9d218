import { describe, expect, it, vi } from 'vitest';
import type { RateLimiter } from '../ports/rate-limiter.ts';
import { FailoverRateLimiter } from './failover-rate-limiter.ts';
import { MemoryRateLimiter } from './memory-rate-limiter.ts';

const limit = { max: 2, windowMs: 60_000 };
const clock = { now: () => new Date() };

function flaky() {
  const shared = new MemoryRateLimiter(clock);
  let up = true;
  const primary: RateLimiter = {
    consume: (key, l) => (up ? shared.consume(key, l) : Promise.reject(new Error('Connection is closed.'))),
    consumeEscalating: (key, l, max) =>
      up ? shared.consumeEscalating(key, l, max) : Promise.reject(new Error('Connection is closed.')),
    close: async () => undefined,
  };
  return { primary, setUp: (value: boolean) => (up = value) };
}

describe('FailoverRateLimiter', () => {
  it('counts in memory while the shared limiter fails, logs that once, and goes back to it', async () => {
    const { primary, setUp } = flaky();
    const log = { warn: vi.fn(), info: vi.fn() };
    const limiter = new FailoverRateLimiter(primary, new MemoryRateLimiter(clock), {
      available: () => true,
      log,
      retryMs: 0,
    });
    expect((await limiter.consume('k', limit)).allowed).toBe(true);
    setUp(false);
    // Still limited (in memory), never an error.
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await limiter.consume('k', limit)).allowed);
    expect(results).toEqual([true, true, false, false, false]);
    expect((await limiter.consumeEscalating('e', limit, 60_000)).allowed).toBe(true);
    expect(limiter.degraded).toBe(true);
    expect(log.warn).toHaveBeenCalledTimes(1);

    setUp(true);
    // Back on the shared counter: 'k' had one hit there.
    expect((await limiter.consume('k', limit)).allowed).toBe(true);
    expect((await limiter.consume('k', limit)).allowed).toBe(false);
    expect(limiter.degraded).toBe(false);
    expect(log.info).toHaveBeenCalledTimes(1);
  });

  it('does not try the shared limiter while its connection is known to be down', async () => {
    const { primary, setUp } = flaky();
    const consume = vi.spyOn(primary, 'consume');
    let available = true;
    const limiter = new FailoverRateLimiter(primary, new MemoryRateLimiter(clock), {
      available: () => available,
      log: { warn: () => undefined, info: () => undefined },
      retryMs: 0,
    });
    setUp(false);
    await limiter.consume('k', limit);
    available = false;
    for (let i = 0; i < 10; i++) await limiter.consume('k', limit);
    expect(consume).toHaveBeenCalledTimes(1);
  });
});
