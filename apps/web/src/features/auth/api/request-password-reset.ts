import { endpoints, type PasswordResetRequest, type PasswordResetRequested } from '@erun/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

/** Asks for a reset link by mail; the answer is the same whether or not the address has an account. */
export function requestPasswordReset(body: PasswordResetRequest): Promise<PasswordResetRequested> {
  return apiClient.call(endpoints.requestPasswordReset, { body });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
