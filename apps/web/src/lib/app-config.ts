import { endpoints, type AppConfig } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from './api-client.ts';

export const DEFAULT_APP_CONFIG: AppConfig = {
  tileUrl: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png',
  tileAttribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  kakaoJsKey: null,
};

/** Map tiles and optional integrations; the OSM defaults when the call fails, so maps never wait on it. */
export async function getConfig(signal?: AbortSignal): Promise<AppConfig> {
  try {
    return await apiClient.call(endpoints.getConfig, { signal });
  } catch (error) {
    if (signal?.aborted === true) throw error;
    return DEFAULT_APP_CONFIG;
  }
}

export function getConfigQueryOptions() {
  return queryOptions({
    queryKey: ['config'],
    queryFn: ({ signal }) => getConfig(signal),
    staleTime: Infinity,
  });
}

/** Always answers: the defaults until (or unless) the server's configuration arrives. */
export function useClientConfig(): AppConfig {
  return useQuery(getConfigQueryOptions()).data ?? DEFAULT_APP_CONFIG;
}
