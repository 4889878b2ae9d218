import type { RealtimeAck } from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { ackOf, refusal, SocketQueue, TokenBucket } from './socket-gate.ts';

describe('TokenBucket', () => {
  it('gives its whole allowance at once, then refills at its rate up to the allowance', () => {
    let now = 0;
    const bucket = new TokenBucket({ max: 3, windowMs: 3000 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 999;
    expect(bucket.take()).toBe(false);
    now += 1;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 60_000; // a long pause refills to the allowance, no more
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});

describe('SocketQueue', () => {
  it('runs handlers one at a time in order; refuses past 16 waiting; a throw answers INTERNAL_ERROR', async () => {
    const queue = new SocketQueue();
    const order: number[] = [];
    let running = 0;
    let most = 0;
    const answers: RealtimeAck[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    for (let i = 0; i < 20; i++) {
      queue.run(
        async () => {
          most = Math.max(most, ++running);
          if (i === 0) await gate;
          order.push(i);
          running -= 1;
          if (i === 1) throw new Error('boom');
          return { ok: true };
        },
        (answer) => answers.push(answer),
      );
    }
    expect(answers).toEqual([1, 2, 3, 4].map(() => refusal('RATE_LIMITED')));
    release();
    await expect.poll(() => order.length).toBe(16);
    expect(order).toEqual([...Array(16).keys()]);
    expect(most).toBe(1);
    expect(answers).toContainEqual(refusal('INTERNAL_ERROR'));
  });

  it('an event without an ack callback is answered to nobody', () => {
    expect(() => ackOf(['payload'])(refusal('RATE_LIMITED'))).not.toThrow();
    expect(() => ackOf([])({ ok: true })).not.toThrow();
  });
});
