import type { ListRunsQuery, RunPage } from '@erun/contracts';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { deferredEndpoints } from '../../../lib/deferred-endpoints.ts';
import { runKeys } from './run-keys.ts';

/** `?region=seoul,busan&…`: lists are comma-separated, empty values left out. */
export function runsSearch(query: ListRunsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' ? value !== '' : typeof value === 'number') params.set(key, String(value));
  }
  return params.toString().replace(/%2C/gi, ',');
}

export function getRuns(query: ListRunsQuery, signal?: AbortSignal): Promise<RunPage> {
  return apiClient.call(deferredEndpoints.getRuns, { query: runsSearch(query), signal });
}

/** One page, e.g. a carousel on the home page. */
export function getRunsQueryOptions(query: ListRunsQuery) {
  return queryOptions({ queryKey: runKeys.list(query), queryFn: ({ signal }) => getRuns(query, signal) });
}

export function useRuns(query: ListRunsQuery) {
  return useQuery(getRunsQueryOptions(query));
}

/** Every page of a filtered list, followed by cursor (stable while new runs are posted). */
export function getRunsInfiniteQueryOptions(query: ListRunsQuery) {
  return infiniteQueryOptions({
    queryKey: runKeys.infinite(query),
    queryFn: ({ pageParam, signal }) =>
      getRuns(pageParam === null ? query : { ...query, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useInfiniteRuns(query: ListRunsQuery) {
  return useInfiniteQuery(getRunsInfiniteQueryOptions(query));
}

/** The runs in a map's box: the pins stay while the next box loads (no blank map on every pan). */
export function useRunsInBox(query: ListRunsQuery) {
  return useQuery({ ...getRunsQueryOptions(query), placeholderData: keepPreviousData });
}
