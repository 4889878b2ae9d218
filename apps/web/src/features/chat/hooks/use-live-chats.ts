import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeConnect, useRealtimeEvent } from '../../../lib/use-realtime.ts';
import { chatKeys } from '../api/chat-keys.ts';

/**
 * Keeps the chat unread total (the navigation badge) current from the user's own room: `chats:changed` carries
 * it, so no request is made per message. With `list`, the chat list is fetched again too (the /chats page).
 */
export function useLiveChats(list = false): void {
  const queryClient = useQueryClient();
  useRealtimeEvent('chats:changed', ({ unreadCount }) => {
    queryClient.setQueryData(chatKeys.unread(), unreadCount);
    if (list) void queryClient.invalidateQueries({ queryKey: chatKeys.mine() });
  });
  useRealtimeConnect(() => {
    void queryClient.invalidateQueries({ queryKey: chatKeys.unread() });
    if (list) void queryClient.invalidateQueries({ queryKey: chatKeys.mine() });
  });
}
