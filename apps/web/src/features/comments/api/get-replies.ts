import { endpoints, type CommentPage } from '@erun/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { commentKeys } from './comment-keys.ts';

export const REPLIES_PAGE = 20;

/** One page of a comment's replies, oldest first. */
export function getReplies(
  commentId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CommentPage> {
  return apiClient.call(endpoints.getReplies, {
    params: { commentId },
    query: { limit: REPLIES_PAGE, cursor },
    signal,
  });
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
