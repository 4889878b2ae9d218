import { endpoints, type AuthResponse, type PasswordResetPhoneConfirm } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { startSession } from '../../../lib/session.ts';

/** Sets the new password with the texted code; signed in as by login. */
export function confirmPasswordResetByPhone(body: PasswordResetPhoneConfirm): Promise<AuthResponse> {
  return apiClient.call(endpoints.confirmPasswordResetByPhone, { body });
}

export function useConfirmPasswordResetByPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmPasswordResetByPhone,
    onSuccess: (auth) => startSession(queryClient, auth),
  });
}
