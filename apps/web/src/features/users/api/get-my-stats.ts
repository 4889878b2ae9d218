import { endpoints, type MyStats } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { userKeys } from './user-keys.ts';

export function getMyStats(signal?: AbortSignal): Promise<MyStats> {
  return apiClient.call(endpoints.getMyStats, { signal });
}

export function getMyStatsQueryOptions() {
  return queryOptions({ queryKey: userKeys.stats(), queryFn: ({ signal }) => getMyStats(signal) });
}

export function useMyStats() {
  return useQuery(getMyStatsQueryOptions());
}
