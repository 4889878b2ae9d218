import { endpoints, type FeedUrl } from '@erun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { userKeys } from './user-keys.ts';

/** The personal calendar feed (a secret URL); asking creates it on first use. */
export function getCalendarFeed(signal?: AbortSignal): Promise<FeedUrl> {
  return apiClient.call(endpoints.getCalendarFeed, { signal });
}

/** A new secret: the old URL stops working. */
export function rotateCalendarFeed(): Promise<FeedUrl> {
  return apiClient.call(endpoints.rotateCalendarFeed);
}

export function useCalendarFeed({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: userKeys.calendarFeed(),
    queryFn: ({ signal }) => getCalendarFeed(signal),
    enabled,
  });
}

export function useRotateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateCalendarFeed,
    onSuccess: (feed) => queryClient.setQueryData(userKeys.calendarFeed(), feed),
  });
}
