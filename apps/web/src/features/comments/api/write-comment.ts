import { endpoints, type Comment, type CommentPage } from '@erun/contracts';
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { commentEndpoints, commentKeys, type CommentTarget } from './comment-keys.ts';

type Pages = InfiniteData<CommentPage, string | null>;

export function writeComment({
  target,
  content,
}: {
  target: CommentTarget;
  content: string;
}): Promise<Comment> {
  return apiClient.call(commentEndpoints(target).write, { params: { id: target.id }, body: { content } });
}

export function writeReply({ parentId, content }: { parentId: string; content: string }): Promise<Comment> {
  return apiClient.call(endpoints.writeReply, { params: { commentId: parentId }, body: { content } });
}

/** A new comment goes on top of the loaded list (newest first); nothing is fetched again. */
export function useWriteComment(target: CommentTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (content: string) => writeComment({ target, content }),
    onSuccess: (comment) => {
      const key = commentKeys.list(target);
      const cached = queryClient.getQueryData<Pages>(key);
      const first = cached?.pages[0];
      if (!cached || !first) return queryClient.invalidateQueries({ queryKey: key });
      queryClient.setQueryData<Pages>(key, {
        ...cached,
        pages: [{ ...first, items: [comment, ...first.items] }, ...cached.pages.slice(1)],
      });
    },
  });
}

/** A reply counts on its parent at once; the open replies are fetched again to show it in order. */
export function useWriteReply(target: CommentTarget, parentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (content: string) => writeReply({ parentId, content }),
    onSuccess: () => {
      queryClient.setQueryData<Pages>(commentKeys.list(target), (cached) =>
        cached
          ? {
              ...cached,
              pages: cached.pages.map((page) => ({
                ...page,
                items: page.items.map((c) =>
                  c.id === parentId ? { ...c, replyCount: c.replyCount + 1 } : c,
                ),
              })),
            }
          : cached,
      );
      return queryClient.invalidateQueries({ queryKey: commentKeys.replies(parentId) });
    },
  });
}
