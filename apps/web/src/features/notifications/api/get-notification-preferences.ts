import { endpoints, type NotificationPreferences } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { notificationSettingsKeys } from './notification-keys.ts';

export function getNotificationPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return apiClient.call(endpoints.getNotificationPreferences, { signal });
}

export function getNotificationPreferencesQueryOptions() {
  return queryOptions({
    queryKey: notificationSettingsKeys.preferences,
    queryFn: ({ signal }) => getNotificationPreferences(signal),
  });
}

export function useNotificationPreferences() {
  return useQuery(getNotificationPreferencesQueryOptions());
}
