import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeConnect, useRealtimeEvent } from '../../../lib/use-realtime.ts';
import { notificationKeys } from '../api/notification-keys.ts';

/**
 * Keeps the user's notifications current without a reload: the count comes with each notification (and alone
 * when some were marked read), lists are fetched again when a notification arrives, and everything after a
 * reconnection (events in between were missed).
 */
export function useLiveNotifications(): void {
  const queryClient = useQueryClient();
  useRealtimeEvent('notification:count', ({ unreadCount }) => {
    queryClient.setQueryData(notificationKeys.count(), unreadCount);
  });
  useRealtimeEvent('notification', ({ unreadCount }) => {
    queryClient.setQueryData(notificationKeys.count(), unreadCount);
    void queryClient.invalidateQueries({ queryKey: notificationKeys.latest() });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.pages() });
  });
  useRealtimeConnect(() => {
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  });
}
