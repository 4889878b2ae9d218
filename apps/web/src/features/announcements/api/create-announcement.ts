import { endpoints, type Announcement, type CreateAnnouncement } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { announcementKeys } from './announcement-keys.ts';

export function createAnnouncement(crewId: string, body: CreateAnnouncement): Promise<Announcement> {
  return apiClient.call(endpoints.createAnnouncement, { params: { crewId }, body });
}

/** Staff post one; the crew's lists are fetched again (the new one sorts by its pin). */
export function useCreateAnnouncement(crewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAnnouncement) => createAnnouncement(crewId, body),
    onSuccess: (made) => {
      queryClient.setQueryData(announcementKeys.one(made.id), made);
      return queryClient.invalidateQueries({ queryKey: announcementKeys.list(crewId) });
    },
  });
}
