import type { Redis } from 'ioredis';
import type { RateLimit } from '../config/env.ts';
import { type Clock, systemClock } from '../ports/clock.ts';
import type { RateLimiter, RateLimitResult } from '../ports/rate-limiter.ts';

// INCR and set the expiry on the first hit, atomically, so a crash between them cannot leave an eternal key.
const SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

// The steps of escalate() in escalating-lockout.ts, atomically on one hash. ARGV: now, max, window, max lock.
const ESCALATING_SCRIPT = `
local now, max, window, maxLock = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local s = redis.call('HMGET', KEYS[1], 'count', 'resetAt', 'strikes', 'lockedUntil')
local count, resetAt = tonumber(s[1]) or 0, tonumber(s[2]) or 0
local strikes, lockedUntil = tonumber(s[3]) or 0, tonumber(s[4]) or 0
if lockedUntil > now then return { 0, lockedUntil - now } end
if resetAt <= now then
  count = 0
  resetAt = now + window
end
count = count + 1
local allowed, wait = 1, resetAt - now
if count > max then
  local lock = math.min(window * (2 ^ strikes), maxLock)
  strikes = strikes + 1
  lockedUntil = now + lock
  count = 0
  resetAt = lockedUntil
  allowed, wait = 0, lock
end
redis.call('HSET', KEYS[1], 'count', count, 'resetAt', resetAt, 'strikes', strikes, 'lockedUntil', lockedUntil)
redis.call('PEXPIRE', KEYS[1], math.floor(math.max(resetAt, lockedUntil) - now + maxLock))
return { allowed, math.floor(wait) }
`;

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** Lock-outs are kept in the app's time, so every instance (and a test's clock) agrees on them. */
    private readonly clock: Clock = systemClock,
  ) {}

  async consume(key: string, limit: RateLimit): Promise<RateLimitResult> {
    const [count, ttl] = (await this.redis.eval(SCRIPT, 1, `${this.prefix}rl:${key}`, limit.windowMs)) as [
      number,
      number,
    ];
    return { allowed: count <= limit.max, retryAfterSec: Math.max(1, Math.ceil(ttl / 1000)) };
  }

  async consumeEscalating(key: string, limit: RateLimit, maxLockMs: number): Promise<RateLimitResult> {
    const [allowed, waitMs] = (await this.redis.eval(
      ESCALATING_SCRIPT,
      1,
      `${this.prefix}rl:${key}`,
      this.clock.now().getTime(),
      limit.max,
      limit.windowMs,
      maxLockMs,
    )) as [number, number];
    return { allowed: allowed === 1, retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  async close(): Promise<void> {
    // The Redis connection is owned and closed by whoever created it.
  }
}
