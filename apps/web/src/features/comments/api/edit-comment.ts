import { endpoints, type Comment, type CommentPage } from '@erun/contracts';
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { commentKeys } from './comment-keys.ts';

export function editComment({
  commentId,
  content,
}: {
  commentId: string;
  content: string;
}): Promise<Comment> {
  return apiClient.call(endpoints.editComment, { params: { commentId }, body: { content } });
}

/** The edited comment replaces its old self wherever it is cached (list or replies). */
export function useEditComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: editComment,
    onSuccess: (edited) =>
      queryClient.setQueriesData<InfiniteData<CommentPage>>({ queryKey: commentKeys.all }, (cached) =>
        cached
          ? {
              ...cached,
              pages: cached.pages.map((page) => ({
                ...page,
                items: page.items.map((c) => (c.id === edited.id ? edited : c)),
              })),
            }
          : cached,
      ),
  });
}
