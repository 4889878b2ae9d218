import { endpoints, type EmailAvailability } from '@erun/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

/** 중복확인: whether the address may still sign up (the server limits it per IP and stays the authority). */
export function checkEmailAvailability(email: string): Promise<EmailAvailability> {
  return apiClient.call(endpoints.checkEmailAvailability, { query: { email } });
}

export function useCheckEmailAvailability() {
  return useMutation({ mutationFn: checkEmailAvailability });
}
