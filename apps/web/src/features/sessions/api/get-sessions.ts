import { endpoints, type SessionList } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

export function getSessions(signal?: AbortSignal): Promise<SessionList> {
  return apiClient.call(endpoints.getSessions, { signal });
}

export const sessionsQueryKey = [...meQueryKey, 'sessions'] as const;

export function getSessionsQueryOptions() {
  return queryOptions({ queryKey: sessionsQueryKey, queryFn: ({ signal }) => getSessions(signal) });
}

/** Where my account is signed in: live sessions, most recently used first, mine marked `current`. */
export function useSessions() {
  return useQuery(getSessionsQueryOptions());
}
