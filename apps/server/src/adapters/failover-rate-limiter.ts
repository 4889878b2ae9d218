import type { RateLimit } from '../config/env.ts';
import type { RateLimiter, RateLimitResult } from '../ports/rate-limiter.ts';
import type { OutageLog } from './redis-client.ts';

export interface FailoverOptions {
  /** False while the primary's connection is known to be down (then it is not even tried). */
  available: () => boolean;
  log: OutageLog;
  /** After a failure, the primary is tried again (by one request at a time) this long after. */
  retryMs?: number;
}

/**
 * The shared limiter (Redis) while it answers, an in-process one while it does not (ADR 014): limits then hold
 * per process, which is weaker but keeps every request served. The outage is logged once, with how many
 * requests were counted locally when the shared limiter answers again.
 */
export class FailoverRateLimiter implements RateLimiter {
  private downSince: number | undefined;
  private retryAt = 0;
  private probing = false;
  private local = 0;

  constructor(
    private readonly primary: RateLimiter,
    private readonly fallback: RateLimiter,
    private readonly options: FailoverOptions,
  ) {}

  /** True while limits are counted per process. */
  get degraded(): boolean {
    return this.downSince !== undefined;
  }

  consume(key: string, limit: RateLimit): Promise<RateLimitResult> {
    return this.run((l) => l.consume(key, limit));
  }

  consumeEscalating(key: string, limit: RateLimit, maxLockMs: number): Promise<RateLimitResult> {
    return this.run((l) => l.consumeEscalating(key, limit, maxLockMs));
  }

  async close(): Promise<void> {
    await this.fallback.close();
    await this.primary.close();
  }

  private async run(op: (limiter: RateLimiter) => Promise<RateLimitResult>): Promise<RateLimitResult> {
    if (this.downSince !== undefined) {
      // While down, one request at a time tries the primary again once the retry time has come.
      if (this.probing || Date.now() < this.retryAt || !this.options.available()) {
        this.local += 1;
        return op(this.fallback);
      }
      this.probing = true;
    }
    try {
      const result = await op(this.primary);
      if (this.downSince !== undefined) {
        const seconds = Math.round((Date.now() - this.downSince) / 100) / 10;
        this.options.log.info(
          { seconds, countedLocally: this.local },
          `rate limits shared again after ${seconds} s (${this.local} requests counted per process)`,
        );
        this.downSince = undefined;
        this.local = 0;
      }
      return result;
    } catch (error) {
      this.wentDown(error);
      this.local += 1;
      return op(this.fallback);
    } finally {
      this.probing = false;
    }
  }

  private wentDown(error: unknown): void {
    this.retryAt = Date.now() + (this.options.retryMs ?? 1000);
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    this.options.log.warn(
      { err: error },
      'shared rate limiter (Redis) unavailable: limits counted per process until it answers again',
    );
  }
}
