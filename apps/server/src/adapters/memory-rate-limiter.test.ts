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
});
