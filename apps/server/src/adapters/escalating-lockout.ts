import type { RateLimit } from '../config/env.ts';

/** What a key under an escalating lock-out remembers (times in ms since the epoch). */
export interface EscalatingState {
  count: number;
  resetAt: number;
  strikes: number;
  lockedUntil: number;
}

/**
 * One try against an escalating lock-out (RateLimiter.consumeEscalating). The memory adapter runs this; the
 * Redis adapter runs the same steps in Lua (redis-rate-limiter.ts), so both must change together.
 */
export function escalate(
  saved: EscalatingState | undefined,
  now: number,
  limit: RateLimit,
  maxLockMs: number,
): { state: EscalatingState; allowed: boolean; waitMs: number } {
  const state = saved ? { ...saved } : { count: 0, resetAt: 0, strikes: 0, lockedUntil: 0 };
  if (state.lockedUntil > now) return { state, allowed: false, waitMs: state.lockedUntil - now };
  if (state.resetAt <= now) {
    state.count = 0;
    state.resetAt = now + limit.windowMs;
  }
  state.count += 1;
  if (state.count <= limit.max) return { state, allowed: true, waitMs: state.resetAt - now };
  const lockMs = Math.min(limit.windowMs * 2 ** state.strikes, maxLockMs);
  state.strikes += 1;
  state.lockedUntil = now + lockMs;
  state.count = 0;
  state.resetAt = state.lockedUntil;
  return { state, allowed: false, waitMs: lockMs };
}
