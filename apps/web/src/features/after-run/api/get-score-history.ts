import { endpoints, type ScoreHistory } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { afterRunKeys } from './after-run-keys.ts';

export function getScoreHistory(signal?: AbortSignal): Promise<ScoreHistory> {
  return apiClient.call(endpoints.getScoreHistory, { signal });
}

export function getScoreHistoryQueryOptions() {
  return queryOptions({
    queryKey: afterRunKeys.scoreHistory(),
    queryFn: ({ signal }) => getScoreHistory(signal),
  });
}

export function useScoreHistory() {
  return useQuery(getScoreHistoryQueryOptions());
}
