/**
 * A circuit breaker for a call to an outside service (Kakao Local today; weather and others may share it):
 * after `failures` failures in a row the circuit opens and calls are refused at once (`CircuitOpenError`)
 * for `cooldownMs`, so a service that is down costs nothing instead of a full timeout per call. After the
 * cooldown one trial call goes through (half-open): its success closes the circuit, its failure opens it for
 * another cooldown. Calls made while the trial is out are refused like open ones.
 *
 * The state is this process's own, like an in-memory cache: each instance of a scaled-out deployment learns
 * of an outage by itself, after `failures` calls of its own.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Failures in a row that open the circuit (≥ 1). */
  failures: number;
  /** How long an open circuit refuses calls before one trial call (ms). */
  cooldownMs: number;
  /** Milliseconds now (tests move it); Date.now by default. */
  now?: () => number;
  /** Told when the state changes (to log an outage once, not once per call). */
  onStateChange?: (state: CircuitState) => void;
}

/** Refused without calling: the circuit is open (or its trial call is still out). */
export class CircuitOpenError extends Error {
  constructor() {
    super('circuit open: the call was skipped');
    this.name = 'CircuitOpenError';
  }
}

export class CircuitBreaker {
  private failuresInRow = 0;
  private openedAt = 0;
  private current: CircuitState = 'closed';
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    if (!Number.isInteger(options.failures) || options.failures < 1)
      throw new RangeError('failures must be a positive integer');
    this.now = options.now ?? Date.now;
  }

  /** The state as a call made now would find it (an open circuit past its cooldown is half-open). */
  get state(): CircuitState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.options.cooldownMs) return 'half-open';
    return this.current;
  }

  /** Runs `call` unless the circuit is open; its failure counts, and is thrown on. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'half-open' && this.current === 'half-open') throw new CircuitOpenError();
    if (state === 'open') throw new CircuitOpenError();
    if (state === 'half-open') this.move('half-open');
    try {
      const result = await call();
      this.failuresInRow = 0;
      if (this.current !== 'closed') this.move('closed');
      return result;
    } catch (error) {
      this.failed();
      throw error;
    }
  }

  private failed(): void {
    this.failuresInRow += 1;
    if (this.current === 'half-open' || this.failuresInRow >= this.options.failures) {
      this.openedAt = this.now();
      this.move('open');
    }
  }

  private move(state: CircuitState): void {
    const changed = this.current !== state;
    this.current = state;
    if (changed) this.options.onStateChange?.(state);
  }
}
