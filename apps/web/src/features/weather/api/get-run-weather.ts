import { endpoints, type RunWeather } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

export const weatherKeys = {
  run: (runId: string) => ['runs', runId, 'weather'] as const,
};

export function getRunWeather(runId: string, signal?: AbortSignal): Promise<RunWeather> {
  return apiClient.call(endpoints.getRunWeather, { params: { runId }, signal });
}

export function getRunWeatherQueryOptions(runId: string) {
  return queryOptions({
    queryKey: weatherKeys.run(runId),
    queryFn: ({ signal }) => getRunWeather(runId, signal),
    // A forecast changes every three hours; a page left open refreshes it now and then.
    staleTime: 10 * 60_000,
    retry: false,
  });
}

export function useRunWeather(runId: string, enabled = true) {
  return useQuery({ ...getRunWeatherQueryOptions(runId), enabled });
}
