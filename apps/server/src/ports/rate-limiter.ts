import type { RateLimit } from '../config/env.ts';

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets; meaningful when not allowed. */
  retryAfterSec: number;
}

/** Fixed-window counters, shared by every instance when backed by Redis. */
export interface RateLimiter {
  consume(key: string, limit: RateLimit): Promise<RateLimitResult>;
  close(): Promise<void>;
}
