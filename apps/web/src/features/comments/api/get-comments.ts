import type { CommentPage } from '@erun/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { commentEndpoints, commentKeys, type CommentTarget } from './comment-keys.ts';

export const COMMENTS_PAGE = 20;

/** One page of a post's top-level comments, newest first. */
export function getComments(
  target: CommentTarget,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CommentPage> {
  return apiClient.call(commentEndpoints(target).list, {
    params: { id: target.id },
    query: { limit: COMMENTS_PAGE, cursor },
    signal,
  });
}

export function getCommentsQueryOptions(target: CommentTarget) {
  return infiniteQueryOptions({
    queryKey: commentKeys.list(target),
    queryFn: ({ pageParam, signal }) => getComments(target, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useComments(target: CommentTarget) {
  return useInfiniteQuery(getCommentsQueryOptions(target));
}
