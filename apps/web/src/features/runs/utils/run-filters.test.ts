import { describe, expect, it } from 'vitest';
import {
  countFilters,
  EMPTY_FILTERS,
  filtersFromParams,
  filtersToParams,
  filtersToQuery,
} from './run-filters.ts';

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

  it('keeps pace, crew and 내 조건 (off only) in the URL; forMe goes to the API only with preferences', () => {
    const crewId = '5b0c1a3e-2f4d-4c1b-9a7e-1d2c3b4a5f60';
    const filters = { ...EMPTY_FILTERS, pace: '300-360' as const, crewId, forMe: false };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe(`pace=300-360&crewId=${crewId}&forMe=false`);
    expect(filtersFromParams(params)).toEqual(filters);
    expect(countFilters(filters)).toBe(2);
    expect(filtersToQuery(EMPTY_FILTERS, true).forMe).toBe('true');
    expect(filtersToQuery(EMPTY_FILTERS, false).forMe).toBeUndefined();
    expect(filtersToQuery(filters, true).forMe).toBeUndefined();
    expect(filtersFromParams(new URLSearchParams('pace=1-2&crewId=nope'))).toEqual(EMPTY_FILTERS);
  });
});
