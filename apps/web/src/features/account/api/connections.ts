import { ConnectionsSchema, ConnectStartSchema, type Connections, type OAuthProvider } from '@erun/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

export function getConnections(signal?: AbortSignal): Promise<Connections> {
  return apiClient.get('/api/me/connections', ConnectionsSchema, signal);
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
  const { url } = await apiClient.post(`/api/me/connections/${provider}`, undefined, ConnectStartSchema);
  window.location.assign(url);
}

export function useConnectProvider() {
  return useMutation({ mutationFn: connectProvider });
}

export function useDisconnectProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (provider: OAuthProvider) => apiClient.send(`/api/me/connections/${provider}`, 'DELETE'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
