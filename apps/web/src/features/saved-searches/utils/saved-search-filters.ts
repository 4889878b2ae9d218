import {
  SavedSearchFiltersSchema,
  type DistanceBucket,
  type Region,
  type SavedSearch,
  type SavedSearchFilters,
  type Theme,
  type TimeOfDay,
} from '@erun/contracts';
import type { TFunction } from 'i18next';

/** The filters of the runs list a saved search keeps (the list's own filter state has more: dates, sort…). */
export interface SearchableFilters {
  region: Region[];
  theme: Theme[];
  timeOfDay: TimeOfDay[];
  distance: DistanceBucket[];
  q: string;
  womenOnly: boolean;
}

/** The saved search of the list's filters, or null when they set no condition (every run would match). */
export function savedSearchOf(filters: SearchableFilters): SavedSearchFilters | null {
  const parsed = SavedSearchFiltersSchema.safeParse({
    region: filters.region,
    theme: filters.theme,
    timeOfDay: filters.timeOfDay,
    distance: filters.distance,
    q: filters.q,
    womenOnly: filters.womenOnly,
  });
  return parsed.success ? parsed.data : null;
}

/** Two filter sets ask for the same runs (order within a list does not matter). */
export function sameSearch(a: SavedSearchFilters, b: SavedSearch['filters']): boolean {
  const set = (values: readonly string[]) => [...values].sort().join(',');
  return (
    set(a.region) === set(b.region) &&
    set(a.theme) === set(b.theme) &&
    set(a.timeOfDay) === set(b.timeOfDay) &&
    set(a.distance) === set(b.distance) &&
    a.q === b.q &&
    a.womenOnly === b.womenOnly
  );
}

/** "서울 · 강변 · 저녁 · ‘한강’" — a saved search read back in the user's language. */
export function describeSearch(filters: SavedSearch['filters'], t: TFunction): string {
  const parts = [
    ...filters.region.map((v) => t(`region.${v}`)),
    ...filters.theme.map((v) => t(`theme.${v}`)),
    ...filters.timeOfDay.map((v) => t(`timeOfDay.${v}`)),
    ...filters.distance.map((v) => t(`distance.${v}`)),
    ...(filters.womenOnly ? [t('womenOnly.badge')] : []),
    ...(filters.q ? [t('savedSearches.keyword', { q: filters.q })] : []),
  ];
  return parts.join(' · ');
}
