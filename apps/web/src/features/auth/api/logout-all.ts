import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { deferredEndpoints } from '../../../lib/deferred-endpoints.ts';

/** Ends every session of the user, on every device. */
export function logoutAll(): Promise<void> {
  return apiClient.call(deferredEndpoints.logoutAll);
}

export function useLogoutAll() {
  return useMutation({ mutationFn: logoutAll, onSettled: () => apiClient.endSession() });
}
