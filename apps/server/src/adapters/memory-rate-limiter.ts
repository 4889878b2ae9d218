import type { RateLimit } from '../config/env.ts';
import type { Clock } from '../ports/clock.ts';
import type { RateLimiter, RateLimitResult } from '../ports/rate-limiter.ts';
import { escalate, type EscalatingState } from './escalating-lockout.ts';

const SWEEP_EVERY = 1000;

/** Single-process limiter for the embedded mode; use the Redis one when instances are several. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly lockouts = new Map<string, EscalatingState & { expiresAt: number }>();
  private calls = 0;

  constructor(private readonly clock: Clock) {}

  consume(key: string, limit: RateLimit): Promise<RateLimitResult> {
    const now = this.tick();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + limit.windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    const retryAfterSec = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    return Promise.resolve({ allowed: window.count <= limit.max, retryAfterSec });
  }

  consumeEscalating(key: string, limit: RateLimit, maxLockMs: number): Promise<RateLimitResult> {
    const now = this.tick();
    const saved = this.lockouts.get(key);
    const { state, allowed, waitMs } = escalate(
      saved && saved.expiresAt > now ? saved : undefined,
      now,
      limit,
      maxLockMs,
    );
    this.lockouts.set(key, { ...state, expiresAt: Math.max(state.resetAt, state.lockedUntil) + maxLockMs });
    return Promise.resolve({ allowed, retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) });
  }

  close(): Promise<void> {
    this.windows.clear();
    this.lockouts.clear();
    return Promise.resolve();
  }

  private tick(): number {
    const now = this.clock.now().getTime();
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(now);
    return now;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    for (const [key, lockout] of this.lockouts) if (lockout.expiresAt <= now) this.lockouts.delete(key);
  }
}
