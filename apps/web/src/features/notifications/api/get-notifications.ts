import type { NotificationPage } from '@erun/contracts';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { deferredEndpoints } from '../../../lib/deferred-endpoints.ts';
import { notificationKeys } from './notification-keys.ts';

export const NOTIFICATIONS_PAGE = 20;
/** How many the header panel shows; the page has the rest. */
export const LATEST_COUNT = 8;

/** One page of the user's notifications, newest first, with their unread count. */
export function getNotifications(
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return apiClient.call(deferredEndpoints.getNotifications, { query: { limit, cursor }, signal });
}

/** The unread count for the bell; kept current by the realtime `notification:count` event. */
export function getUnreadCountQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.count(),
    queryFn: async ({ signal }) => (await getNotifications(null, 1, signal)).unreadCount,
  });
}

export function useUnreadCount(enabled: boolean) {
  return useQuery({ ...getUnreadCountQueryOptions(), enabled });
}

export function getLatestNotificationsQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.latest(),
    queryFn: ({ signal }) => getNotifications(null, LATEST_COUNT, signal),
  });
}

export function useLatestNotifications(enabled: boolean) {
  return useQuery({ ...getLatestNotificationsQueryOptions(), enabled });
}

export function getNotificationPagesQueryOptions() {
  return infiniteQueryOptions({
    queryKey: notificationKeys.pages(),
    queryFn: ({ pageParam, signal }) => getNotifications(pageParam, NOTIFICATIONS_PAGE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useNotificationPages() {
  return useInfiniteQuery(getNotificationPagesQueryOptions());
}
