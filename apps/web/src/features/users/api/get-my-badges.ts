import { endpoints, type BadgeList } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { userKeys } from './user-keys.ts';

/** Every badge, earned or not, with progress towards the ones still to earn. */
export function getMyBadges(signal?: AbortSignal): Promise<BadgeList> {
  return apiClient.call(endpoints.getMyBadges, { signal });
}

export function getMyBadgesQueryOptions() {
  return queryOptions({
    queryKey: userKeys.badges(),
    queryFn: ({ signal }) => getMyBadges(signal),
    retry: false,
  });
}

export function useMyBadges() {
  return useQuery(getMyBadgesQueryOptions());
}
