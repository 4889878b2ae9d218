import { endpoints, type MyCrews } from '@erun/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

/** The crews the caller is staff of: the crews a run can belong to (the crew section of the run form). */
export function getMyStaffCrews(signal?: AbortSignal): Promise<MyCrews> {
  return apiClient.call(endpoints.getMyCrews, { query: { role: 'staff' }, signal });
}

export function useMyStaffCrews(enabled = true) {
  return useQuery({
    queryKey: ['me', 'crews', 'staff'],
    queryFn: ({ signal }) => getMyStaffCrews(signal),
    enabled,
    // No crews yet (or the call failed): the section stays hidden, nothing to retry loudly.
    retry: false,
    staleTime: 60_000,
  });
}
