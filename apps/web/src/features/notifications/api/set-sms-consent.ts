import { endpoints, type Me, type PhoneStatus } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

export function setSmsConsent(consent: boolean): Promise<PhoneStatus> {
  return apiClient.call(endpoints.setSmsConsent, { body: { consent } });
}

export function useSetSmsConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setSmsConsent,
    onSuccess: (status) => queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, ...status } : me)),
  });
}
