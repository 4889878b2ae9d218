import type { RateLimit } from '../config/env.ts';

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets; meaningful when not allowed. */
  retryAfterSec: number;
}

/** Fixed-window counters, shared by every instance when backed by Redis. */
export interface RateLimiter {
  consume(key: string, limit: RateLimit): Promise<RateLimitResult>;
  /**
   * For guessing (passwords): `limit.max` tries a window; the next one locks the key out for a window, and each
   * lock-out after that for twice as long as the one before, up to `maxLockMs`. A key forgets its lock-outs
   * `maxLockMs` after its last try. Tries during a lock-out are refused and not counted.
   */
  consumeEscalating(key: string, limit: RateLimit, maxLockMs: number): Promise<RateLimitResult>;
  close(): Promise<void>;
}
