import { endpoints, type AuthProviders } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

export function getAuthProviders(signal?: AbortSignal): Promise<AuthProviders> {
  return apiClient.call(endpoints.getAuthProviders, { signal });
}

export function getAuthProvidersQueryOptions() {
  return queryOptions({
    queryKey: ['auth', 'providers'],
    queryFn: ({ signal }) => getAuthProviders(signal),
    staleTime: Infinity,
  });
}

export function useAuthProviders() {
  return useQuery(getAuthProvidersQueryOptions());
}
