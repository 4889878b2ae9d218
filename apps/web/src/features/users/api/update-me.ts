import { MeSchema, type Me, type UpdateMe } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { getMeQueryOptions } from './get-me.ts';

export function updateMe(body: UpdateMe): Promise<Me> {
  return apiClient.patch('/api/me', body, MeSchema);
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => queryClient.setQueryData(getMeQueryOptions().queryKey, me),
  });
}
