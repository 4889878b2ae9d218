import { endpoints, type FeedUrl } from '@erun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { announcementKeys } from './announcement-keys.ts';

/** The crew's calendar feed (a secret URL shared by its members); asking creates it on first use. */
export function getCrewCalendarFeed(crewId: string, signal?: AbortSignal): Promise<FeedUrl> {
  return apiClient.call(endpoints.getCrewCalendarFeed, { params: { crewId }, signal });
}

/** Staff: a new secret, the old URL stops working for everyone. */
export function rotateCrewCalendarFeed(crewId: string): Promise<FeedUrl> {
  return apiClient.call(endpoints.rotateCrewCalendarFeed, { params: { crewId } });
}

export function useCrewCalendarFeed(crewId: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: announcementKeys.feed(crewId),
    queryFn: ({ signal }) => getCrewCalendarFeed(crewId, signal),
    enabled,
  });
}

export function useRotateCrewCalendarFeed(crewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => rotateCrewCalendarFeed(crewId),
    onSuccess: (feed) => queryClient.setQueryData(announcementKeys.feed(crewId), feed),
  });
}
