import { describe, expect, it } from 'vitest';
import { formatBbox, parseBbox } from './bbox.ts';

describe('the map box in the URL', () => {
  it('reads south,west,north,east and refuses what the API would refuse', () => {
    expect(parseBbox('35.05,128.95,35.25,129.2')).toEqual({
      south: 35.05,
      west: 128.95,
      north: 35.25,
      east: 129.2,
    });
    for (const bad of [
      null,
      '',
      '35,129,36',
      'a,b,c,d',
      '1e1,129,36,130',
      '-91,129,36,130',
      '35,-181,36,130',
      '36,129,35,130',
      '35,170,36,-170',
    ])
      expect(parseBbox(bad), String(bad)).toBeNull();
  });

  it('writes 4 decimals rounded inwards, so a map framed on it again keeps its zoom', () => {
    expect(formatBbox({ south: 35.123449, west: 128.99991, north: 35.25559, east: 129.20001 })).toBe(
      '35.1235,129,35.2555,129.2',
    );
    // A box wider than the world (a zoomed-out map) is clamped to the API's ranges.
    expect(formatBbox({ south: -95, west: -200, north: 95, east: 200 })).toBe('-90,-180,90,180');
    const box = { south: 33.1, west: 124.6, north: 38.7, east: 131 };
    expect(parseBbox(formatBbox(box))).toEqual(box);
  });
});
