import { endpoints, type PasswordResetPhoneRequest, type PasswordResetPhoneSent } from '@erun/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

/** Asks for a reset code by text; the answer is the same whether or not the number has an account. */
export function requestPasswordResetByPhone(
  body: PasswordResetPhoneRequest,
): Promise<PasswordResetPhoneSent> {
  return apiClient.call(endpoints.requestPasswordResetByPhone, { body });
}

export function useRequestPasswordResetByPhone() {
  return useMutation({ mutationFn: requestPasswordResetByPhone });
}
