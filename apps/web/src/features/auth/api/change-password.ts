import { endpoints, type ChangePassword, type Me } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

/** Changes (or sets a first) password; every other device is signed out, this one continues. */
export function changePassword(body: ChangePassword): Promise<void> {
  return apiClient.call(endpoints.changePassword, { body });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () =>
      queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, hasPassword: true } : me)),
  });
}
