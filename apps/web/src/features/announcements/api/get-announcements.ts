import { endpoints, type AnnouncementPage, type CrewRole } from '@erun/contracts';
import { infiniteQueryOptions, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
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

/**
 * What the viewer may read follows their place in the crew: when their role changes while the page is open
 * (approved, promoted, removed — the crew page hears `crew:membership`), the crew's announcements and
 * calendar feed are dropped and fetched again at once, even when still fresh in the cache.
 */
export function useAnnouncementsFollowRole(crewId: string, role: CrewRole | null) {
  const queryClient = useQueryClient();
  const seen = useRef({ crewId, role });
  useEffect(() => {
    const before = seen.current;
    seen.current = { crewId, role };
    if (before.crewId !== crewId || before.role === role) return;
    for (const queryKey of [announcementKeys.list(crewId), announcementKeys.feed(crewId)])
      void queryClient.resetQueries({ queryKey });
  }, [crewId, role, queryClient]);
}
