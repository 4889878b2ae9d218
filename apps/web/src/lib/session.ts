import type { AuthResponse } from '@erun/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { apiClient, type AuthStatus } from './api-client.ts';

/**
 * Cache key of the signed-in user's own data. Everything private to the user lives under it,
 * so ending a session removes it all with one prefix.
 */
export const meQueryKey = ['me'] as const;

export function useAuthStatus(): AuthStatus {
  return useSyncExternalStore(apiClient.subscribe, apiClient.getStatus);
}

/** Signs in on this tab: caches the user first, so guards that react to the status change already see them. */
export function startSession(queryClient: QueryClient, auth: AuthResponse): void {
  queryClient.setQueryData(meQueryKey, auth.user);
  apiClient.startSession(auth.accessToken);
}
