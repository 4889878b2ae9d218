import { endpoints, type ChatMessage, type ChatPage } from '@erun/contracts';
import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { chatKeys } from './chat-keys.ts';

export const MESSAGES_PAGE = 30;

export type ChatPages = InfiniteData<ChatPage, string | null>;

/** One page of a run's chat, newest first; the cursor pages back to older messages. */
export function getMessages(runId: string, cursor: string | null, signal?: AbortSignal): Promise<ChatPage> {
  return apiClient.call(endpoints.getChatMessages, {
    params: { runId },
    query: { limit: MESSAGES_PAGE, cursor },
    signal,
  });
}

export function getMessagesQueryOptions(runId: string) {
  return infiniteQueryOptions({
    queryKey: chatKeys.messages(runId),
    queryFn: ({ pageParam, signal }) => getMessages(runId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // New messages arrive over the socket; the history is fetched again only after a reconnect.
    staleTime: Infinity,
    retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
  });
}

export function useMessages(runId: string) {
  return useInfiniteQuery(getMessagesQueryOptions(runId));
}

/** Adds a message on top of the newest page unless it is there already (socket and POST both deliver it). */
export function withMessage(cached: ChatPages | undefined, message: ChatMessage): ChatPages | undefined {
  const first = cached?.pages[0];
  if (!cached || !first) return cached;
  if (cached.pages.some((page) => page.items.some((m) => m.id === message.id))) return cached;
  return { ...cached, pages: [{ ...first, items: [message, ...first.items] }, ...cached.pages.slice(1)] };
}
