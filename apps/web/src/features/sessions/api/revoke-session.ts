import { endpoints } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { sessionsQueryKey } from './get-sessions.ts';

export function revokeSession(sessionId: string) {
  return apiClient.call(endpoints.revokeSession, { params: { sessionId } });
}

/** Signs one device out; the list is read again whatever the answer (a 404 means it was gone already). */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
