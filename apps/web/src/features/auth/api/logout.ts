import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { deferredEndpoints } from '../../../lib/deferred-endpoints.ts';

/** Ends the session on this device (revokes its refresh token). */
export function logout(): Promise<void> {
  // A JSON body, like every call the refresh cookie authenticates (the server refuses anything else).
  return apiClient.call(deferredEndpoints.logout, { body: {} });
}

export function useLogout() {
  // Signed out locally even when the call fails: the user asked to leave.
  return useMutation({ mutationFn: logout, onSettled: () => apiClient.endSession() });
}
