import { endpoints } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

/** Follows a verification or change-of-address link; works signed out too (another device). */
export function confirmEmailToken(token: string): Promise<void> {
  return apiClient.call(endpoints.confirmEmailToken, { body: { token } });
}

export function useConfirmEmailToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmEmailToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
