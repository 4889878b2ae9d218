import type { RateLimit } from '../config/env.ts';
import type { Clock } from '../ports/clock.ts';
import type { RateLimiter, RateLimitResult } from '../ports/rate-limiter.ts';

const SWEEP_EVERY = 1000;

/** Single-process limiter for the embedded mode; use the Redis one when instances are several. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private calls = 0;

  constructor(private readonly clock: Clock) {}

  consume(key: string, limit: RateLimit): Promise<RateLimitResult> {
    const now = this.clock.now().getTime();
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + limit.windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    const retryAfterSec = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    return Promise.resolve({ allowed: window.count <= limit.max, retryAfterSec });
  }

  close(): Promise<void> {
    this.windows.clear();
    return Promise.resolve();
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
