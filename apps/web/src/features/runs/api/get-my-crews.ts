import { endpoints, type MyCrews } from '@erun/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

/** The crews the caller belongs to: the runs list's crew filter offers them. */
export function getMyCrews(signal?: AbortSignal): Promise<MyCrews> {
  return apiClient.call(endpoints.getMyCrews, { query: {}, signal });
}

export function useMyCrews(enabled: boolean) {
  return useQuery({
    queryKey: ['me', 'crews', 'all'],
    queryFn: ({ signal }) => getMyCrews(signal),
    enabled,
    // No crews (or the call failed): the filter stays hidden, nothing to retry loudly.
    retry: false,
    staleTime: 60_000,
  });
}
