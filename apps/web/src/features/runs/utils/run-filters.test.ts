import { describe, expect, it } from 'vitest';
import { countFilters, EMPTY_FILTERS, filtersFromParams, filtersToParams } from './run-filters.ts';

describe('run filters in the URL', () => {
  it('round-trips every filter, leaving defaults out', () => {
    const filters = {
      ...EMPTY_FILTERS,
      region: ['seoul' as const, 'busan' as const],
      theme: ['riverside' as const],
      timeOfDay: ['dawn' as const, 'evening' as const],
      distance: ['lt5' as const, 'gte15' as const],
      from: '2026-12-01',
      to: '2026-12-31',
      q: '한강',
      near: '37.52,126.93',
      radiusKm: 10,
      includeClosed: true,
      sort: 'popular' as const,
    };
    const params = filtersToParams(filters);
    expect(decodeURIComponent(params.toString())).toBe(
      'region=seoul,busan&theme=riverside&timeOfDay=dawn,evening&distance=lt5,gte15&from=2026-12-01' +
        '&to=2026-12-31&q=한강&near=37.52,126.93&radiusKm=10&includeClosed=true&sort=popular',
    );
    expect(filtersFromParams(params)).toEqual(filters);
    expect(filtersToParams(EMPTY_FILTERS).toString()).toBe('');
    expect(countFilters(filters)).toBe(11);
  });

  it('ignores unknown or malformed values instead of failing', () => {
    const params = new URLSearchParams(
      'region=seoul,atlantis&distance=lt5,lt5&sort=random&near=abc&radiusKm=7',
    );
    expect(filtersFromParams(params)).toEqual({ ...EMPTY_FILTERS, region: ['seoul'], distance: ['lt5'] });
  });
});
