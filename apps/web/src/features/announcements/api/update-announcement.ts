import { endpoints, type Announcement, type UpdateAnnouncement } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { announcementKeys } from './announcement-keys.ts';

export function updateAnnouncement(announcementId: string, body: UpdateAnnouncement): Promise<Announcement> {
  return apiClient.call(endpoints.updateAnnouncement, { params: { announcementId }, body });
}

export function deleteAnnouncement(announcementId: string): Promise<void> {
  return apiClient.call(endpoints.deleteAnnouncement, { params: { announcementId } });
}

/** Edit, pin or unpin (the author or staff); the crew's lists re-sort. */
export function useUpdateAnnouncement(announcementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAnnouncement) => updateAnnouncement(announcementId, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(announcementKeys.one(announcementId), updated);
      return queryClient.invalidateQueries({ queryKey: announcementKeys.list(updated.crewId) });
    },
  });
}

export function useDeleteAnnouncement(announcementId: string, crewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteAnnouncement(announcementId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: announcementKeys.one(announcementId) });
      return queryClient.invalidateQueries({ queryKey: announcementKeys.list(crewId) });
    },
  });
}
