import { endpoints, type NotificationPreferences } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { notificationSettingsKeys } from './notification-keys.ts';

/** PUT replaces the whole map (every category, both channels). */
export function updateNotificationPreferences(
  prefs: NotificationPreferences,
): Promise<NotificationPreferences> {
  return apiClient.call(endpoints.updateNotificationPreferences, { body: prefs });
}

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationPreferences,
    onSuccess: (saved) => queryClient.setQueryData(notificationSettingsKeys.preferences, saved),
  });
}
