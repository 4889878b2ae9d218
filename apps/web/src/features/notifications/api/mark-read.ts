import type { MarkRead, Notification, NotificationPage } from '@erun/contracts';
import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { deferredEndpoints } from '../../../lib/deferred-endpoints.ts';
import { notificationKeys } from './notification-keys.ts';

/** Marks some of the user's notifications, or all of them, read. */
export function markRead(input: MarkRead): Promise<void> {
  return apiClient.call(deferredEndpoints.markNotificationsRead, { body: input });
}

/** Shows the items read and the count lowered at once; the server's answer settles both. */
function markCached(queryClient: QueryClient, input: MarkRead): void {
  const hit = (n: Notification) => 'all' in input || input.ids.includes(n.id);
  const unread = new Set<string>();
  const mark = (page: NotificationPage): NotificationPage => ({
    ...page,
    items: page.items.map((n) => {
      if (!hit(n) || n.read) return n;
      unread.add(n.id);
      return { ...n, read: true };
    }),
  });
  queryClient.setQueryData<NotificationPage>(notificationKeys.latest(), (data) => data && mark(data));
  queryClient.setQueryData<InfiniteData<NotificationPage>>(
    notificationKeys.pages(),
    (data) => data && { ...data, pages: data.pages.map(mark) },
  );
  queryClient.setQueryData<number>(notificationKeys.count(), (count) =>
    count === undefined ? count : 'all' in input ? 0 : Math.max(0, count - unread.size),
  );
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.all });
      markCached(queryClient, input);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
