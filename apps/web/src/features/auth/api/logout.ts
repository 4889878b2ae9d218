import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

/** Ends the session on this device (revokes its refresh token). */
export function logout(): Promise<void> {
  return apiClient.send('/api/auth/logout', 'POST');
}

export function useLogout() {
  // Signed out locally even when the call fails: the user asked to leave.
  return useMutation({ mutationFn: logout, onSettled: () => apiClient.endSession() });
}
