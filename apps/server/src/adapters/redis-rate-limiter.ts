import type { Redis } from 'ioredis';
import type { RateLimit } from '../config/env.ts';
import type { RateLimiter, RateLimitResult } from '../ports/rate-limiter.ts';

// INCR and set the expiry on the first hit, atomically, so a crash between them cannot leave an eternal key.
const SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async consume(key: string, limit: RateLimit): Promise<RateLimitResult> {
    const [count, ttl] = (await this.redis.eval(SCRIPT, 1, `${this.prefix}rl:${key}`, limit.windowMs)) as [
      number,
      number,
    ];
    return { allowed: count <= limit.max, retryAfterSec: Math.max(1, Math.ceil(ttl / 1000)) };
  }

  async close(): Promise<void> {
    // The Redis connection is owned and closed by whoever created it.
  }
}
