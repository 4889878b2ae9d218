import { z } from 'zod';
import { DISTANCE_BUCKETS, REGIONS, THEMES, TIMES_OF_DAY } from './domain.ts';

/**
 * Saved searches (issue 18): "이 조건으로 알림 받기" keeps a set of `/runs` filters; a new public run that
 * matches any of a user's saved searches notifies them once (in-app and push), never its own host. The
 * matching is the server's: facets as the list filters them, the keyword by the list's own `?q=` search.
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
