import type { ListCrewsQuery } from '@erun/contracts';

/** Cache keys of crews, all under `['crews']`: one invalidation refreshes every list and page. */
export const crewKeys = {
  all: ['crews'] as const,
  lists: () => [...crewKeys.all, 'list'] as const,
  list: (query: ListCrewsQuery) => [...crewKeys.lists(), query] as const,
  infinite: (query: ListCrewsQuery) => [...crewKeys.lists(), 'infinite', query] as const,
  detail: (crewId: string) => [...crewKeys.all, 'detail', crewId] as const,
};
