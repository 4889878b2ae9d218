import { endpoints, type MeRunsQuery, type MyRunPage } from '@erun/contracts';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

export type MyRunsQuery = Partial<MeRunsQuery>;

export function myRunsSearch(query: MyRunsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

export function getMyRuns(query: MyRunsQuery, signal?: AbortSignal): Promise<MyRunPage> {
  return apiClient.call(endpoints.getMyRuns, { query: myRunsSearch(query), signal });
}

/** One page, e.g. the weeks a month calendar shows. */
export function getMyRunsQueryOptions(query: MyRunsQuery) {
  return queryOptions({
    queryKey: runKeys.mine(query),
    queryFn: ({ signal }) => getMyRuns(query, signal),
  });
}

export function useMyRuns(query: MyRunsQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getMyRunsQueryOptions(query), enabled });
}

export function getMyRunsInfiniteQueryOptions(query: MyRunsQuery) {
  return infiniteQueryOptions({
    queryKey: [...runKeys.mine(query), 'infinite'],
    queryFn: ({ pageParam, signal }) =>
      getMyRuns(pageParam === null ? query : { ...query, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useInfiniteMyRuns(query: MyRunsQuery) {
  return useInfiniteQuery(getMyRunsInfiniteQueryOptions(query));
}
