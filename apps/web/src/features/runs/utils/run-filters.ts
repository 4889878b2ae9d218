import {
  DISTANCE_BUCKETS,
  REGIONS,
  RUN_SORTS,
  THEMES,
  TIMES_OF_DAY,
  type DistanceBucket,
  type ListRunsQuery,
  type Region,
  type Theme,
  type TimeOfDay,
} from '@erun/contracts';

export type RunSort = (typeof RUN_SORTS)[number];
export const RADIUS_OPTIONS = [1, 3, 5, 10, 20] as const;

/** The pace filter's ranges (s/km, `min-max` as the API takes it): 4'–5', 5'–6', 6'–7', 7' and slower. */
export const PACE_OPTIONS = ['240-300', '300-360', '360-420', '420-1200'] as const;
export type PaceOption = (typeof PACE_OPTIONS)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_RADIUS = 5;

/** What the runs list is filtered by; kept in the URL so a search can be shared and the back button works. */
export interface RunFilters {
  region: Region[];
  theme: Theme[];
  timeOfDay: TimeOfDay[];
  distance: DistanceBucket[];
  from: string;
  to: string;
  q: string;
  /** "lat,lng" of the browser's position, or '' */
  near: string;
  radiusKm: number;
  includeClosed: boolean;
  /** 여성 전용만 */
  womenOnly: boolean;
  /** A pace range (PACE_OPTIONS) or '' */
  pace: PaceOption | '';
  /** One of my crews, or '' */
  crewId: string;
  /**
   * "내 조건": start from the runner's preferred regions and distance (on unless turned off; the URL says
   * `forMe=false` then). Sent to the API only for a runner who has preferences.
   */
  forMe: boolean;
  sort: RunSort;
}

export const EMPTY_FILTERS: RunFilters = {
  region: [],
  theme: [],
  timeOfDay: [],
  distance: [],
  from: '',
  to: '',
  q: '',
  near: '',
  radiusKm: DEFAULT_RADIUS,
  includeClosed: false,
  womenOnly: false,
  pace: '',
  crewId: '',
  forMe: true,
  sort: 'soonest',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NEAR = /^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/;

/** Known values of a comma-separated list, each once, in the order of `allowed` (stable URLs). */
function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const picked = new Set(value.split(','));
  return allowed.filter((option) => picked.has(option));
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((option) => option === value) ?? fallback;
}

/** Reads filters from a URL; anything unknown or malformed is ignored rather than failing the page. */
export function filtersFromParams(params: URLSearchParams): RunFilters {
  const radius = Number(params.get('radiusKm'));
  const near = params.get('near') ?? '';
  return {
    region: listOf(params.get('region'), REGIONS),
    theme: listOf(params.get('theme'), THEMES),
    timeOfDay: listOf(params.get('timeOfDay'), TIMES_OF_DAY),
    distance: listOf(params.get('distance'), DISTANCE_BUCKETS),
    from: DAY.test(params.get('from') ?? '') ? (params.get('from') ?? '') : '',
    to: DAY.test(params.get('to') ?? '') ? (params.get('to') ?? '') : '',
    q: (params.get('q') ?? '').slice(0, 50),
    near: NEAR.test(near) ? near : '',
    radiusKm: RADIUS_OPTIONS.find((option) => option === radius) ?? DEFAULT_RADIUS,
    includeClosed: params.get('includeClosed') === 'true',
    womenOnly: params.get('womenOnly') === 'true',
    pace: PACE_OPTIONS.find((option) => option === params.get('pace')) ?? '',
    crewId: UUID.test(params.get('crewId') ?? '') ? (params.get('crewId') ?? '') : '',
    forMe: params.get('forMe') !== 'false',
    sort: oneOf(params.get('sort'), RUN_SORTS, 'soonest'),
  };
}

/** The URL form of filters: defaults are left out, so the plain list is plain `/runs`. */
export function filtersToParams(filters: RunFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filtersToQuery(filters))) {
    if (key === 'forMe') continue;
    if (typeof value === 'string' || typeof value === 'number') params.set(key, String(value));
  }
  if (!filters.forMe) params.set('forMe', 'false');
  return params;
}

/** The query string of filters, with list commas left readable (`region=seoul,busan`). */
export function filtersToSearch(filters: RunFilters): string {
  return filtersToParams(filters).toString().replace(/%2C/gi, ',');
}

/**
 * The API query of filters (the same names as the URL); `forMe=true` only when the runner has preferences
 * (`hasPreferences`) and has not turned "내 조건" off.
 */
export function filtersToQuery(filters: RunFilters, hasPreferences = false): ListRunsQuery {
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(',') : undefined);
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    region: list(filters.region),
    theme: list(filters.theme),
    timeOfDay: list(filters.timeOfDay),
    distance: list(filters.distance),
    from: text(filters.from),
    to: text(filters.to),
    q: text(filters.q),
    near: text(filters.near),
    radiusKm: filters.near && filters.radiusKm !== DEFAULT_RADIUS ? filters.radiusKm : undefined,
    includeClosed: filters.includeClosed ? 'true' : undefined,
    womenOnly: filters.womenOnly ? 'true' : undefined,
    pace: filters.pace || undefined,
    crewId: filters.crewId || undefined,
    forMe: hasPreferences && filters.forMe ? 'true' : undefined,
    sort: filters.sort === 'soonest' ? undefined : filters.sort,
  };
}

/** How many filters are on (sort is an order, not a filter); the phone's filter button shows it. */
export function countFilters(filters: RunFilters): number {
  return (
    filters.region.length +
    filters.theme.length +
    filters.timeOfDay.length +
    filters.distance.length +
    (filters.from || filters.to ? 1 : 0) +
    (filters.q.trim() ? 1 : 0) +
    (filters.near ? 1 : 0) +
    (filters.includeClosed ? 1 : 0) +
    (filters.womenOnly ? 1 : 0) +
    (filters.pace ? 1 : 0) +
    (filters.crewId ? 1 : 0)
  );
}
