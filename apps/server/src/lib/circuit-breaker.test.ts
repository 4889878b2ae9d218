import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from './circuit-breaker.ts';

function setup() {
  let now = Date.parse('2026-12-07T00:00:00Z');
  const clock = { now: () => new Date(now) };
  const breaker = new CircuitBreaker('kma', clock, 3, 60_000);
  let calls = 0;
  const fail = () => breaker.call(async () => Promise.reject(new Error(`down ${++calls}`)));
  const succeed = () => breaker.call(async () => ++calls);
  return { breaker, fail, succeed, calls: () => calls, advance: (ms: number) => (now += ms) };
}

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures and then skips calls without making them', async () => {
    const b = setup();
    for (let i = 0; i < 3; i++) await expect(b.fail()).rejects.toThrow(/down/);
    expect(b.breaker.open).toBe(true);
    await expect(b.succeed()).rejects.toBeInstanceOf(CircuitOpenError);
    expect(b.calls()).toBe(3);
  });

  it('a success in between resets the count', async () => {
    const b = setup();
    await expect(b.fail()).rejects.toThrow();
    await expect(b.fail()).rejects.toThrow();
    await b.succeed();
    await expect(b.fail()).rejects.toThrow();
    expect(b.breaker.open).toBe(false);
  });

  it('after the cooldown lets one trial through: a success closes it, a failure opens it again', async () => {
    const b = setup();
    for (let i = 0; i < 3; i++) await expect(b.fail()).rejects.toThrow();
    b.advance(60_001);
    expect(b.breaker.open).toBe(false);
    await expect(b.fail()).rejects.toThrow(/down 4/);
    expect(b.breaker.open).toBe(true);
    await expect(b.succeed()).rejects.toBeInstanceOf(CircuitOpenError);
    b.advance(60_001);
    expect(await b.succeed()).toBe(5);
    expect(b.breaker.open).toBe(false);
  });

  it('lets only one trial call through at a time', async () => {
    const b = setup();
    for (let i = 0; i < 3; i++) await expect(b.fail()).rejects.toThrow();
    b.advance(60_001);
    let release: () => void = () => undefined;
    const slow = b.breaker.call(() => new Promise<string>((r) => (release = () => r('ok'))));
    await expect(b.succeed()).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    expect(await slow).toBe('ok');
    expect(b.breaker.open).toBe(false);
  });
});
