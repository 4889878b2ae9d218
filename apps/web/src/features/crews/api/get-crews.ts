import type { CrewPage, ListCrewsQuery } from '@erun/contracts';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { deferredEndpoints } from '../../../lib/deferred-endpoints.ts';
import { crewKeys } from './crew-keys.ts';

/** `?region=seoul,busan&…`: lists are comma-separated, empty values left out. */
export function crewsSearch(query: ListCrewsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' ? value !== '' : typeof value === 'number') params.set(key, String(value));
  }
  return params.toString().replace(/%2C/gi, ',');
}

export function getCrews(query: ListCrewsQuery, signal?: AbortSignal): Promise<CrewPage> {
  return apiClient.call(deferredEndpoints.getCrews, { query: crewsSearch(query), signal });
}

/** One page, e.g. the home page's row. */
export function useCrews(query: ListCrewsQuery, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: crewKeys.list(query),
      queryFn: ({ signal }) => getCrews(query, signal),
      enabled,
    }),
  );
}

/**
 * Crews matching a keyword typed elsewhere (the runs page): nothing asked without one, and the last answer
 * kept on screen while a new keyword's loads, so the results under it do not jump.
 */
export function useCrewSearch(query: ListCrewsQuery) {
  return useQuery(
    queryOptions({
      queryKey: crewKeys.list(query),
      queryFn: ({ signal }) => getCrews(query, signal),
      enabled: Boolean(query.q),
      placeholderData: keepPreviousData,
    }),
  );
}

/** Every page of a filtered list, followed by cursor. */
export function useInfiniteCrews(query: ListCrewsQuery) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: crewKeys.infinite(query),
      queryFn: ({ pageParam, signal }) =>
        getCrews(pageParam === null ? query : { ...query, cursor: pageParam }, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
}
