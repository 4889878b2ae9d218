import {
  COURSE_SORTS,
  REGIONS,
  THEMES,
  type ListCoursesQuery,
  type Region,
  type Theme,
} from '@erun/contracts';

export type CourseSort = (typeof COURSE_SORTS)[number];

/** What the course feed is filtered by; kept in the URL so a search can be shared and the back button works. */
export interface CourseFilters {
  region: Region[];
  theme: Theme[];
  sort: CourseSort;
}

export const DEFAULT_COURSE_SORT: CourseSort = 'best';
export const EMPTY_COURSE_FILTERS: CourseFilters = { region: [], theme: [], sort: DEFAULT_COURSE_SORT };

/** Known values of a comma-separated list, each once, in the order of `allowed` (stable URLs). */
function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const picked = new Set(value.split(','));
  return allowed.filter((option) => picked.has(option));
}

/** Reads filters from a URL; anything unknown is ignored rather than failing the page. */
export function courseFiltersFromParams(params: URLSearchParams): CourseFilters {
  return {
    region: listOf(params.get('region'), REGIONS),
    theme: listOf(params.get('theme'), THEMES),
    sort: COURSE_SORTS.find((sort) => sort === params.get('sort')) ?? DEFAULT_COURSE_SORT,
  };
}

/** The API query of filters (the same names as the URL); defaults are left out. */
export function courseFiltersToQuery(filters: CourseFilters): ListCoursesQuery {
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(',') : undefined);
  return {
    region: list(filters.region),
    theme: list(filters.theme),
    sort: filters.sort === DEFAULT_COURSE_SORT ? undefined : filters.sort,
  };
}

/** The query string of filters, with list commas left readable (`region=seoul,busan`); '' for the plain feed. */
export function courseFiltersToSearch(filters: CourseFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(courseFiltersToQuery(filters))) {
    if (typeof value === 'string') params.set(key, value);
  }
  return params.toString().replace(/%2C/gi, ',');
}

/** How many filters are on (sort is an order, not a filter). */
export function countCourseFilters(filters: CourseFilters): number {
  return filters.region.length + filters.theme.length;
}
