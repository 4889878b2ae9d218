import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client.ts';
import { userKeys } from './user-keys.ts';

// The server answers `{ url }` for both; no contract schema exists for this small shape yet.
const FeedUrlSchema = z.object({ url: z.string() });
export type FeedUrl = z.infer<typeof FeedUrlSchema>;

/** The personal calendar feed (a secret URL); asking creates it on first use. */
export function getCalendarFeed(signal?: AbortSignal): Promise<FeedUrl> {
  return apiClient.get('/api/me/calendar', FeedUrlSchema, signal);
}

/** A new secret: the old URL stops working. */
export function rotateCalendarFeed(): Promise<FeedUrl> {
  return apiClient.post('/api/me/calendar/rotate', undefined, FeedUrlSchema);
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
