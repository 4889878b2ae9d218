import { describe, expect, it, vi } from 'vitest';
import { CoalescingSweep } from './coalescing-sweep.ts';

/** A sweep whose passes end only when the test says so. */
function gatedSweep() {
  const gates: Array<() => void> = [];
  const sweep = vi.fn(
    () =>
      new Promise<void>((resolve) => {
        gates.push(resolve);
      }),
  );
  const release = async () => {
    await vi.waitFor(() => expect(gates.length).toBeGreaterThan(0));
    gates.shift()?.();
  };
  return { sweep, release };
}

describe('CoalescingSweep', () => {
  it('runs one pass per kick when kicks do not overlap', async () => {
    const sweep = vi.fn(async () => 1);
    const s = new CoalescingSweep(sweep, 0, () => {});
    s.kick();
    await s.idle();
    s.kick();
    await s.idle();
    expect(sweep).toHaveBeenCalledTimes(2);
  });

  it('folds the kicks that arrive during a pass into one more pass', async () => {
    const { sweep, release } = gatedSweep();
    const s = new CoalescingSweep(sweep, 0, () => {});
    s.kick();
    s.kick();
    s.kick();
    s.kick();
    expect(sweep).toHaveBeenCalledTimes(1);
    await release();
    await release();
    await s.idle();
    expect(sweep).toHaveBeenCalledTimes(2);
  });

  it('waits the gap before the extra pass', async () => {
    vi.useFakeTimers();
    try {
      const { sweep, release } = gatedSweep();
      const s = new CoalescingSweep(sweep, 200, () => {});
      s.kick();
      s.kick();
      await release();
      await vi.advanceTimersByTimeAsync(199);
      expect(sweep).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(sweep).toHaveBeenCalledTimes(2);
      await release();
      await s.idle();
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands a failing pass to onError and keeps working', async () => {
    const onError = vi.fn();
    const boom = new Error('boom');
    const sweep = vi.fn().mockRejectedValueOnce(boom).mockResolvedValue(0);
    const s = new CoalescingSweep(sweep, 0, onError);
    expect(() => s.kick()).not.toThrow();
    await s.idle();
    expect(onError).toHaveBeenCalledWith(boom);
    s.kick();
    await s.idle();
    expect(sweep).toHaveBeenCalledTimes(2);
  });

  it('idle resolves at once when nothing runs', async () => {
    const s = new CoalescingSweep(
      async () => 0,
      0,
      () => {},
    );
    await expect(s.idle()).resolves.toBeUndefined();
  });
});
