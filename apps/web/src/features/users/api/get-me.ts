import type { Me } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { deferredEndpoints } from '../../../lib/deferred-endpoints.ts';
import { meQueryKey } from '../../../lib/session.ts';

export function getMe(signal?: AbortSignal): Promise<Me> {
  return apiClient.call(deferredEndpoints.getMe, { signal });
}

export function getMeQueryOptions() {
  return queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => getMe(signal), staleTime: 60_000 });
}

/** The signed-in user; only fetched while a session exists. */
export function useMe({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getMeQueryOptions(), enabled });
}
