import { endpoints, type AuthResponse, type PasswordResetConfirm } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { startSession } from '../../../lib/session.ts';

/** Sets the new password with the mailed link's token; signed in as by login. */
export function confirmPasswordReset(body: PasswordResetConfirm): Promise<AuthResponse> {
  return apiClient.call(endpoints.confirmPasswordReset, { body });
}

export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmPasswordReset,
    onSuccess: (auth) => startSession(queryClient, auth),
  });
}
