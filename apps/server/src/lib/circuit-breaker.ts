import type { Clock } from '../ports/clock.ts';

/** Thrown instead of calling a provider the breaker has given up on for now. */
export class CircuitOpenError extends Error {
  constructor(readonly provider: string) {
    super(`${provider}: skipped after repeated failures (circuit open)`);
  }
}

/**
 * After `threshold` consecutive failures, calls are skipped (rejected at once) for `cooldownMs`; then one
 * call is let through, and its outcome closes the circuit or opens it again. A provider that is down costs a
 * timeout per cooldown, not one per request.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private trial = false;

  constructor(
    private readonly name: string,
    private readonly clock: Clock,
    private readonly threshold = 5,
    private readonly cooldownMs = 60_000,
  ) {}

  /** Open now: calls are being skipped. */
  get open(): boolean {
    return this.failures >= this.threshold && (this.trial || this.clock.now().getTime() < this.openUntil);
  }

  async call<T>(fn: () => Promise<T>): Promise<T> {
    if (this.open) throw new CircuitOpenError(this.name);
    const trial = this.failures >= this.threshold;
    if (trial) this.trial = true;
    try {
      const value = await fn();
      this.failures = 0;
      return value;
    } catch (error) {
      this.failures = Math.max(this.failures + 1, trial ? this.threshold : 0);
      if (this.failures >= this.threshold) this.openUntil = this.clock.now().getTime() + this.cooldownMs;
      throw error;
    } finally {
      if (trial) this.trial = false;
    }
  }
}
