import { endpoints, type Me } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

/** Forgets the number; SMS consent goes with it. */
export function removePhone(): Promise<void> {
  return apiClient.call(endpoints.removePhone);
}

export function useRemovePhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removePhone,
    onSuccess: () =>
      queryClient.setQueryData<Me>(meQueryKey, (me) =>
        me ? { ...me, phone: null, phoneVerified: false, smsConsent: false } : me,
      ),
  });
}
