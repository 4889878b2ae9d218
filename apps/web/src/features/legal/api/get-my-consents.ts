import { endpoints, type ConsentState } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

export const consentsQueryKey = [...meQueryKey, 'consents'] as const;

export function getMyConsents(signal?: AbortSignal): Promise<ConsentState> {
  return apiClient.call(endpoints.getMyConsents, { signal });
}

export function getMyConsentsQueryOptions() {
  return queryOptions({ queryKey: consentsQueryKey, queryFn: ({ signal }) => getMyConsents(signal) });
}

/** What I agreed to (documents, versions, times) and my marketing choices. */
export function useMyConsents() {
  return useQuery(getMyConsentsQueryOptions());
}
