import { endpoints, type Announcement } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { announcementKeys } from './announcement-keys.ts';

export function getAnnouncement(announcementId: string, signal?: AbortSignal): Promise<Announcement> {
  return apiClient.call(endpoints.getAnnouncement, { params: { announcementId }, signal });
}

export function getAnnouncementQueryOptions(announcementId: string) {
  return queryOptions({
    queryKey: announcementKeys.one(announcementId),
    queryFn: ({ signal }) => getAnnouncement(announcementId, signal),
  });
}

export function useAnnouncement(announcementId: string) {
  return useQuery(getAnnouncementQueryOptions(announcementId));
}
