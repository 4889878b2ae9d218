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
  // A server-rendered page is a guest's (ADR 023): hydration starts from that, then follows the real status.
  return useSyncExternalStore(apiClient.subscribe, apiClient.getStatus, () => 'signed-out');
}

/** Signs in on this tab: caches the user first, so guards that react to the status change already see them. */
export function startSession(queryClient: QueryClient, auth: AuthResponse): void {
  queryClient.setQueryData(meQueryKey, auth.user);
  apiClient.startSession(auth.accessToken);
}

/**
 * Leaving: the account is being deleted, or has just been and the app has not moved home yet. Deleting the account
 * ends its session on the server (its sockets are closed, its refresh token refused), so a sign-out arrives around
 * the DELETE's answer — before it or right after it. That sign-out is the deletion's own doing: the deletion, not
 * the login guard, decides where the app goes (home, with its notice). `begin` when the DELETE is sent; `end` when
 * it fails, or once the page that asked has gone.
 */
let leavingNow = false;
const leavingListeners = new Set<() => void>();

function setLeaving(next: boolean): void {
  if (leavingNow === next) return;
  leavingNow = next;
  leavingListeners.forEach((listener) => listener());
}

export const leaving = {
  begin: (): void => setLeaving(true),
  end: (): void => setLeaving(false),
  isUnderway: (): boolean => leavingNow,
  subscribe: (listener: () => void): (() => void) => {
    leavingListeners.add(listener);
    return () => {
      leavingListeners.delete(listener);
    };
  },
};

/** Whether the account is being deleted (see `leaving`). */
export function useLeaving(): boolean {
  return useSyncExternalStore(leaving.subscribe, leaving.isUnderway, () => false);
}
