import {
  endpoints,
  type PhoneStatus,
  type PhoneVerificationConfirm,
  type PhoneVerificationSent,
} from '@erun/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Me } from '@erun/contracts';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

export function requestPhoneCode(phone: string): Promise<PhoneVerificationSent> {
  return apiClient.call(endpoints.sendPhoneCode, { body: { phone } });
}

export function confirmPhoneCode(input: PhoneVerificationConfirm): Promise<PhoneStatus> {
  return apiClient.call(endpoints.confirmPhoneCode, { body: input });
}

/** The phone fields of the cached user follow every change. */
function applyStatus(queryClient: QueryClient, status: PhoneStatus): void {
  queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, ...status } : me));
}

export function useRequestPhoneCode() {
  return useMutation({ mutationFn: requestPhoneCode });
}

export function useConfirmPhoneCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmPhoneCode,
    onSuccess: (status) => applyStatus(queryClient, status),
  });
}
