import { endpoints } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

export function blockUser(userId: string): Promise<void> {
  return apiClient.call(endpoints.blockUser, { params: { userId } });
}

export function unblockUser(userId: string): Promise<void> {
  return apiClient.call(endpoints.unblockUser, { params: { userId } });
}

/**
 * Blocks or unblocks. Whatever is shown may fold or unfold (comments, chats, the lists here), so every query
 * is read again; only those on screen are fetched at once.
 */
export function useSetBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, blocked }: { userId: string; blocked: boolean }) =>
      blocked ? blockUser(userId) : unblockUser(userId),
    onSettled: () => queryClient.invalidateQueries(),
  });
}
