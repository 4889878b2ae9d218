import type { ListRunsQuery, MeRunsQuery } from '@erun/contracts';

/**
 * Cache keys of runs. Everything sits under `['runs']`, so one invalidation refreshes every list and page
 * (after a join, or when the signed-in user changes and with it `myStatus` and `bookmarked`).
 */
export const runKeys = {
  all: ['runs'] as const,
  lists: () => [...runKeys.all, 'list'] as const,
  list: (query: ListRunsQuery) => [...runKeys.lists(), query] as const,
  infinite: (query: ListRunsQuery) => [...runKeys.lists(), 'infinite', query] as const,
  detail: (runId: string) => [...runKeys.all, 'detail', runId] as const,
  /** The signed-in user's hosted and joined runs (`/api/me/runs`). */
  mine: (query: Partial<MeRunsQuery>) => [...runKeys.all, 'mine', query] as const,
};
