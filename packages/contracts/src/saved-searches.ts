import { z } from 'zod';
import { DISTANCE_BUCKETS, REGIONS, THEMES, TIMES_OF_DAY } from './domain.ts';
import { searchKey } from './text.ts';

/**
 * Saved searches (issue 18): "이 조건으로 알림 받기" keeps a set of `/runs` filters; a new public run that
 * matches any of a user's saved searches notifies them once (in-app and push), never its own host.
 */
export const SAVED_SEARCH_LIMITS = { perUser: 10, qMax: 50 } as const;

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values), { message: 'filter.invalid' })
    .max(values.length, { message: 'filter.invalid' })
    .refine((v) => new Set(v).size === v.length, { message: 'filter.duplicate' })
    .default([]);

/** The `/runs` filters a saved search keeps (those of ListRunsQuery that describe runs, not a page). */
export const SavedSearchFiltersSchema = z
  .object({
    region: list(REGIONS),
    theme: list(THEMES),
    timeOfDay: list(TIMES_OF_DAY),
    distance: list(DISTANCE_BUCKETS),
    q: z.string().trim().max(SAVED_SEARCH_LIMITS.qMax, { message: 'q.tooLong' }).default(''),
    womenOnly: z.boolean().default(false),
  })
  .strict()
  // A search of no condition would match every run: it is not a search to be told about.
  .refine(
    (f) =>
      f.region.length + f.theme.length + f.timeOfDay.length + f.distance.length > 0 ||
      f.q !== '' ||
      f.womenOnly,
    { message: 'filter.empty' },
  );
export type SavedSearchFiltersInput = z.input<typeof SavedSearchFiltersSchema>;
export type SavedSearchFilters = z.output<typeof SavedSearchFiltersSchema>;

/** `POST /api/me/saved-searches` */
export const CreateSavedSearchSchema = z.object({ filters: SavedSearchFiltersSchema }).strict();
export type CreateSavedSearch = z.input<typeof CreateSavedSearchSchema>;

export const SavedSearchSchema = z.object({
  id: z.uuid(),
  filters: z.object({
    region: z.array(z.enum(REGIONS)),
    theme: z.array(z.enum(THEMES)),
    timeOfDay: z.array(z.enum(TIMES_OF_DAY)),
    distance: z.array(z.enum(DISTANCE_BUCKETS)),
    q: z.string(),
    womenOnly: z.boolean(),
  }),
  createdAt: z.iso.datetime({ offset: true }),
});
export type SavedSearch = z.infer<typeof SavedSearchSchema>;

export const SavedSearchListSchema = z.object({ items: z.array(SavedSearchSchema) });
export type SavedSearchList = z.infer<typeof SavedSearchListSchema>;

/** The run fields a saved search is matched against. */
export interface SearchableRun {
  region: string;
  theme: string;
  timeOfDay: string;
  distanceBucket: string;
  womenOnly: boolean;
  /** Title, description, place and host nickname: the text `q` looks in. */
  text: string[];
}

/**
 * Whether a run matches a saved search: every chosen list holds the run's value, and every word of `q` is in
 * its text (spacing ignored: "한강러닝" finds "한강 러닝").
 */
export function matchesSavedSearch(filters: SavedSearchFilters, run: SearchableRun): boolean {
  const within = (chosen: readonly string[], value: string) => chosen.length === 0 || chosen.includes(value);
  if (!within(filters.region, run.region) || !within(filters.theme, run.theme)) return false;
  if (!within(filters.timeOfDay, run.timeOfDay) || !within(filters.distance, run.distanceBucket))
    return false;
  if (filters.womenOnly && !run.womenOnly) return false;
  const text = searchKey(run.text.join(' '));
  return filters.q
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(searchKey(word)));
}
