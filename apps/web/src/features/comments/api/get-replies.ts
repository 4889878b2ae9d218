import { CommentPageSchema, type CommentPage } from '@erun/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { commentKeys, commentPath } from './comment-keys.ts';

export const REPLIES_PAGE = 20;

/** One page of a comment's replies, oldest first. */
export function getReplies(
  commentId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CommentPage> {
  const params = new URLSearchParams({ limit: String(REPLIES_PAGE) });
  if (cursor) params.set('cursor', cursor);
  return apiClient.get(`${commentPath(commentId)}/replies?${params.toString()}`, CommentPageSchema, signal);
}

export function getRepliesQueryOptions(commentId: string) {
  return infiniteQueryOptions({
    queryKey: commentKeys.replies(commentId),
    queryFn: ({ pageParam, signal }) => getReplies(commentId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Fetched only while the replies are open. */
export function useReplies(commentId: string, enabled: boolean) {
  return useInfiniteQuery({ ...getRepliesQueryOptions(commentId), enabled });
}
