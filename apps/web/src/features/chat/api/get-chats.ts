import type { ChatList, ChatMembers } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { deferredEndpoints } from '../../../lib/deferred-endpoints.ts';
import { chatKeys } from './chat-keys.ts';
import type { ChatRef } from './chat-ref.ts';

/** My run and crew chats, most recently active first, with the unread total for the badge. */
export function getMyChatsQueryOptions() {
  return queryOptions({
    queryKey: chatKeys.mine(),
    queryFn: ({ signal }): Promise<ChatList> => apiClient.call(deferredEndpoints.getMyChats, { signal }),
  });
}

export function useMyChats(enabled = true) {
  return useQuery({ ...getMyChatsQueryOptions(), enabled });
}

/** My unread total over every chat, for the navigation badge (kept live by `useLiveChats`). */
export function useChatUnread(enabled = true) {
  return useQuery({
    queryKey: chatKeys.unread(),
    queryFn: async ({ signal }) =>
      (await apiClient.call(deferredEndpoints.getMyChats, { signal })).unreadCount,
    enabled,
  });
}

/** The chat's members, for @mention suggestions (fetched once the composer needs them). */
export function useChatMembers(chat: ChatRef, enabled: boolean) {
  return useQuery({
    queryKey: chatKeys.members(chat.id),
    queryFn: ({ signal }): Promise<ChatMembers> =>
      apiClient.call(deferredEndpoints.getChatMembers, { params: { kind: chat.kind, id: chat.id }, signal }),
    enabled,
    staleTime: 60_000,
  });
}
