import { describe, expect, it } from 'vitest';
import { paceOf, paceSecondsInvalid } from './pace.ts';

describe('pace inputs', () => {
  it('reads minutes and seconds, nothing when both are empty', () => {
    expect(paceOf('5', '30')).toBe(330);
    expect(paceOf('6', '')).toBe(360);
    expect(paceOf('', '')).toBeNull();
  });

  it('refuses seconds above 59 instead of carrying them over (5분 75초 is not 6\'15")', () => {
    expect(paceSecondsInvalid('75')).toBe(true);
    expect(paceSecondsInvalid('60')).toBe(true);
    expect(paceSecondsInvalid('-1')).toBe(true);
    expect(paceSecondsInvalid('59')).toBe(false);
    expect(paceOf('5', '75')).toBeNaN();
  });
});
