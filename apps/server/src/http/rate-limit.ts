import type { FastifyRequest } from 'fastify';
import type { RateLimit } from '../config/env.ts';
import { type AppError, RateLimitedError } from '../lib/errors.ts';
import type { RateLimiter } from '../ports/rate-limiter.ts';

export type RateLimitHook = (request: FastifyRequest) => Promise<void>;

/**
 * A preHandler counting requests per key (IP, account…); off when RATE_LIMITS=off. Over the limit it throws
 * `refuse(retryAfterSec)`, by default 429 RATE_LIMITED; a quota gives its own code and reason.
 */
export function rateLimitHookFactory(limiter: RateLimiter, enabled: boolean) {
  return (
      name: string,
      limit: RateLimit,
      keyOf: (request: FastifyRequest) => string | undefined,
      refuse: (retryAfterSec: number) => AppError = (s) => new RateLimitedError(s),
    ): RateLimitHook =>
    async (request) => {
      if (!enabled) return;
      const key = keyOf(request);
      if (key === undefined) return;
      const result = await limiter.consume(`${name}:${key}`, limit);
      if (!result.allowed) throw refuse(result.retryAfterSec);
    };
}
