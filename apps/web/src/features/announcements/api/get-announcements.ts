import { endpoints, type AnnouncementPage } from '@erun/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { announcementKeys } from './announcement-keys.ts';

export const ANNOUNCEMENTS_PAGE = 20;

/** One page of a crew's announcements: pinned ones first, then the newest (members only). */
export function getAnnouncements(
  crewId: string,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<AnnouncementPage> {
  return apiClient.call(endpoints.getAnnouncements, {
    params: { crewId },
    query: { limit, cursor },
    signal,
  });
}

export function getAnnouncementsQueryOptions(crewId: string, limit = ANNOUNCEMENTS_PAGE) {
  return infiniteQueryOptions({
    queryKey: [...announcementKeys.list(crewId), limit],
    queryFn: ({ pageParam, signal }) => getAnnouncements(crewId, pageParam, limit, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAnnouncements(crewId: string, { limit = ANNOUNCEMENTS_PAGE, enabled = true } = {}) {
  return useInfiniteQuery({ ...getAnnouncementsQueryOptions(crewId, limit), enabled });
}
