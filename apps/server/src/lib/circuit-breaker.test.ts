import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError, type CircuitState } from './circuit-breaker.ts';

function setup(failures = 3, cooldownMs = 1_000) {
  let now = 0;
  const changes: CircuitState[] = [];
  const breaker = new CircuitBreaker({
    failures,
    cooldownMs,
    now: () => now,
    onStateChange: (s) => changes.push(s),
  });
  let calls = 0;
  const ok = () => breaker.run(async () => ++calls);
  const fail = () =>
    breaker.run(async () => {
      calls += 1;
      throw new Error('down');
    });
  return {
    breaker,
    changes,
    ok,
    fail,
    calls: () => calls,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold; a success resets the count', async () => {
    const b = setup(3);
    await expect(b.fail()).rejects.toThrow('down');
    await expect(b.fail()).rejects.toThrow('down');
    await expect(b.ok()).resolves.toBe(3);
    await expect(b.fail()).rejects.toThrow('down');
    await expect(b.fail()).rejects.toThrow('down');
    expect(b.breaker.state).toBe('closed');
    expect(b.changes).toEqual([]);
  });

  it('opens after N failures in a row and then refuses without calling, until the cooldown ends', async () => {
    const b = setup(3, 1_000);
    for (let i = 0; i < 3; i++) await expect(b.fail()).rejects.toThrow('down');
    expect(b.breaker.state).toBe('open');
    const before = b.calls();
    await expect(b.ok()).rejects.toBeInstanceOf(CircuitOpenError);
    b.advance(999);
    await expect(b.ok()).rejects.toBeInstanceOf(CircuitOpenError);
    expect(b.calls()).toBe(before);
    expect(b.changes).toEqual(['open']);
  });

  it('after the cooldown lets one trial call through: its success closes the circuit', async () => {
    const b = setup(2, 1_000);
    await expect(b.fail()).rejects.toThrow();
    await expect(b.fail()).rejects.toThrow();
    b.advance(1_000);
    expect(b.breaker.state).toBe('half-open');
    await expect(b.ok()).resolves.toBe(3);
    expect(b.breaker.state).toBe('closed');
    expect(b.changes).toEqual(['open', 'half-open', 'closed']);
    // Closed again: it takes N failures anew to open.
    await expect(b.fail()).rejects.toThrow('down');
    expect(b.breaker.state).toBe('closed');
  });

  it('a failed trial opens it for another cooldown at once (one failure, not N)', async () => {
    const b = setup(3, 1_000);
    for (let i = 0; i < 3; i++) await expect(b.fail()).rejects.toThrow();
    b.advance(1_500);
    await expect(b.fail()).rejects.toThrow('down');
    expect(b.breaker.state).toBe('open');
    b.advance(999);
    await expect(b.ok()).rejects.toBeInstanceOf(CircuitOpenError);
    b.advance(1);
    await expect(b.ok()).resolves.toBeGreaterThan(0);
    expect(b.changes).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('refuses other calls while the trial call is out', async () => {
    const b = setup(1, 1_000);
    await expect(b.fail()).rejects.toThrow();
    b.advance(1_000);
    let release: (value: string) => void = () => {};
    const trial = b.breaker.run(() => new Promise<string>((resolve) => (release = resolve)));
    await expect(b.ok()).rejects.toBeInstanceOf(CircuitOpenError);
    release('answered');
    await expect(trial).resolves.toBe('answered');
    await expect(b.ok()).resolves.toBe(2);
  });

  it('refuses a threshold that is not a positive integer', () => {
    expect(() => new CircuitBreaker({ failures: 0, cooldownMs: 1 })).toThrow(RangeError);
  });
});
