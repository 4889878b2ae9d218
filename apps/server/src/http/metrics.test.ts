import { describe, expect, it } from 'vitest';
import { bearerMatches } from './metrics.ts';

describe('bearerMatches', () => {
  const token = 'scrape-token-0123456789abcdef';
  it('accepts exactly the token, as Prometheus sends it', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    const refused = [
      undefined,
      '',
      token,
      'Bearer',
      `Bearer ${token}0`,
      `Bearer x${token}`,
      `Basic ${token}`,
    ];
    for (const header of refused) expect(bearerMatches(header, token), String(header)).toBe(false);
  });
});
