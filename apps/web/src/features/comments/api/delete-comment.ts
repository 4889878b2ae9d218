import { endpoints } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { commentKeys } from './comment-keys.ts';

/** Deletes a comment (its author, or the post's owner). One with replies stays as a placeholder. */
export function deleteComment(commentId: string): Promise<void> {
  return apiClient.call(endpoints.deleteComment, { params: { commentId } });
}

/** What remains (placeholder or nothing, reply counts) is the server's call: the comments are fetched again. */
export function useDeleteComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteComment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentKeys.all }),
  });
}
