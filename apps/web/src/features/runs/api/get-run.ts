import { endpoints, type Run } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

export function getRun(runId: string, signal?: AbortSignal): Promise<Run> {
  return apiClient.call(endpoints.getRun, { params: { runId }, signal });
}

export function getRunQueryOptions(runId: string) {
  return queryOptions({ queryKey: runKeys.detail(runId), queryFn: ({ signal }) => getRun(runId, signal) });
}

export function useRun(runId: string) {
  return useQuery(getRunQueryOptions(runId));
}
