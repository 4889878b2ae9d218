import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from './memory-rate-limiter.ts';

describe('MemoryRateLimiter', () => {
  it('allows max hits per window, then refuses with the seconds left, then resets', async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter({ now: () => new Date(now) });
    const limit = { max: 2, windowMs: 60_000 };
    expect((await limiter.consume('k', limit)).allowed).toBe(true);
    expect((await limiter.consume('k', limit)).allowed).toBe(true);
    now += 15_000;
    expect(await limiter.consume('k', limit)).toEqual({ allowed: false, retryAfterSec: 45 });
    expect((await limiter.consume('other', limit)).allowed).toBe(true);
    now += 45_000;
    expect((await limiter.consume('k', limit)).allowed).toBe(true);
  });

  it('escalates: a lock-out for a window, then twice as long each time, never counting locked tries', async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter({ now: () => new Date(now) });
    const limit = { max: 2, windowMs: 60_000 };
    const day = 86_400_000;
    const tries = async (n: number) => {
      const results = [];
      for (let i = 0; i < n; i++) results.push(await limiter.consumeEscalating('k', limit, day));
      return results;
    };
    expect((await tries(3)).map((r) => r.allowed)).toEqual([true, true, false]);
    expect(await limiter.consumeEscalating('k', limit, day)).toEqual({ allowed: false, retryAfterSec: 60 });
    now += 60_000;
    expect((await tries(3)).map((r) => r.retryAfterSec)).toEqual([60, 60, 120]);
    now += 119_000;
    expect((await tries(1))[0]).toEqual({ allowed: false, retryAfterSec: 1 });
    now += 1000;
    expect((await tries(3))[2]).toEqual({ allowed: false, retryAfterSec: 240 });
    expect((await limiter.consumeEscalating('other', limit, day)).allowed).toBe(true);
    // Forgotten a day after the last try: the next lock-out is one window again.
    now += 240_000 + day;
    expect((await tries(3))[2]).toEqual({ allowed: false, retryAfterSec: 60 });
  });

  it('caps an escalating lock-out', async () => {
    const now = 1_000_000;
    const limiter = new MemoryRateLimiter({ now: () => new Date(now) });
    const result = await limiter.consumeEscalating('k', { max: 0, windowMs: 3_600_000 }, 1_800_000);
    expect(result).toEqual({ allowed: false, retryAfterSec: 1800 });
  });
});
