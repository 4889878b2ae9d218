import type { FastifyRequest } from 'fastify';
import type { RateLimit } from '../config/env.ts';
import { type AppError, RateLimitedError } from '../lib/errors.ts';
import type { RateLimiter } from '../ports/rate-limiter.ts';

export type RateLimitHook = (request: FastifyRequest) => Promise<void>;
export type LimitFactory = ReturnType<typeof rateLimitHookFactory>;

/** The longest an escalating lock-out (password guessing) grows to; strikes are forgotten this long after. */
export const MAX_LOCKOUT_MS = 24 * 3_600_000;

/**
 * A preHandler counting requests per key (IP, account…); off when RATE_LIMITS=off. Over the limit it throws
 * `options.refuse(retryAfterSec)`, by default 429 RATE_LIMITED (a quota gives its own code and reason). With
 * `escalate`, each time the limit is exceeded the key is locked out for twice as long as the time before (up
 * to a day).
 */
export function rateLimitHookFactory(limiter: RateLimiter, enabled: boolean) {
  return (
      name: string,
      limit: RateLimit,
      keyOf: (request: FastifyRequest) => string | undefined,
      options: { escalate?: boolean; refuse?: (retryAfterSec: number) => AppError } = {},
    ): RateLimitHook =>
    async (request) => {
      if (!enabled) return;
      const key = keyOf(request);
      if (key === undefined) return;
      const result = options.escalate
        ? await limiter.consumeEscalating(`${name}:${key}`, limit, MAX_LOCKOUT_MS)
        : await limiter.consume(`${name}:${key}`, limit);
      if (!result.allowed) {
        throw options.refuse
          ? options.refuse(result.retryAfterSec)
          : new RateLimitedError(result.retryAfterSec);
      }
    };
}

/**
 * The limits of a password check (login, the re-check before deleting an account): per client IP, and per
 * account from that IP with a growing lock-out — so strangers guessing someone's password lock out only
 * themselves, and the owner still gets in from their own address.
 */
export function passwordGuessLimits(
  limit: LimitFactory,
  limits: { perIp: RateLimit; perAccount: RateLimit },
  accountOf: (request: FastifyRequest) => string | undefined,
): RateLimitHook[] {
  return [
    limit('login-ip', limits.perIp, (r) => r.ip),
    limit(
      'login-account',
      limits.perAccount,
      (r) => {
        const account = accountOf(r);
        return account === undefined ? undefined : `${account}|${r.ip}`;
      },
      { escalate: true },
    ),
  ];
}
