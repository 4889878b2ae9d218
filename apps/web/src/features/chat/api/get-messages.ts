import { endpoints, type ChatMessage, type ChatPage } from '@erun/contracts';
import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { chatKeys } from './chat-keys.ts';
import type { ChatRef } from './chat-ref.ts';

export const MESSAGES_PAGE = 30;

export type ChatPages = InfiniteData<ChatPage, string | null>;

/** One page of a run's or a crew's chat, newest first; the cursor pages back to older messages. */
export function getMessages(chat: ChatRef, cursor: string | null, signal?: AbortSignal): Promise<ChatPage> {
  const query = { limit: MESSAGES_PAGE, cursor };
  return chat.kind === 'run'
    ? apiClient.call(endpoints.getChatMessages, { params: { runId: chat.id }, query, signal })
    : apiClient.call(endpoints.getCrewChatMessages, { params: { crewId: chat.id }, query, signal });
}

export function getMessagesQueryOptions(chat: ChatRef) {
  return infiniteQueryOptions({
    queryKey: chatKeys.messages(chat.id),
    queryFn: ({ pageParam, signal }) => getMessages(chat, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // New messages arrive over the socket; the history is fetched again only after a reconnect.
    staleTime: Infinity,
    retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
  });
}

export function useMessages(chat: ChatRef) {
  return useInfiniteQuery(getMessagesQueryOptions(chat));
}

/** Puts the chat's notice (or none) on the newest page, as the server now has it. */
export function withPinned(cached: ChatPages | undefined, pinned: ChatMessage | null): ChatPages | undefined {
  const first = cached?.pages[0];
  if (!cached || !first) return cached;
  return { ...cached, pages: [{ ...first, pinned }, ...cached.pages.slice(1)] };
}

/** Puts my mute switch on the newest page. */
export function withMuted(cached: ChatPages | undefined, muted: boolean): ChatPages | undefined {
  const first = cached?.pages[0];
  if (!cached || !first) return cached;
  return { ...cached, pages: [{ ...first, muted }, ...cached.pages.slice(1)] };
}

/** Adds a message on top of the newest page unless it is there already (socket and POST both deliver it). */
export function withMessage(cached: ChatPages | undefined, message: ChatMessage): ChatPages | undefined {
  const first = cached?.pages[0];
  if (!cached || !first) return cached;
  if (cached.pages.some((page) => page.items.some((m) => m.id === message.id))) return cached;
  return { ...cached, pages: [{ ...first, items: [message, ...first.items] }, ...cached.pages.slice(1)] };
}
