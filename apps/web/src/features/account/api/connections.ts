import { endpoints, type Connections, type OAuthProvider } from '@erun/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

export function getConnections(signal?: AbortSignal): Promise<Connections> {
  return apiClient.call(endpoints.getConnections, { signal });
}

export function getConnectionsQueryOptions() {
  return queryOptions({
    queryKey: [...meQueryKey, 'connections'],
    queryFn: ({ signal }) => getConnections(signal),
  });
}

export function useConnections() {
  return useQuery(getConnectionsQueryOptions());
}

/**
 * Starts linking: the server sets this browser's OAuth state cookie and answers the provider's URL; the
 * browser then goes there and comes back to /me/settings.
 */
export async function connectProvider(provider: OAuthProvider): Promise<void> {
  const { url } = await apiClient.call(endpoints.connect, { params: { provider } });
  window.location.assign(url);
}

export function useConnectProvider() {
  return useMutation({ mutationFn: connectProvider });
}

export function useDisconnectProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (provider: OAuthProvider) => apiClient.call(endpoints.disconnect, { params: { provider } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
