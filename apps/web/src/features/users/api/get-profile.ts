import { endpoints, type Profile } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { userKeys } from './user-keys.ts';

/** A public profile; the disappointing review counts come only when it is the caller's own. */
export function getProfile(userId: string, signal?: AbortSignal): Promise<Profile> {
  return apiClient.call(endpoints.getProfile, { params: { userId }, signal });
}

export function getProfileQueryOptions(userId: string) {
  return queryOptions({
    queryKey: userKeys.profile(userId),
    queryFn: ({ signal }) => getProfile(userId, signal),
    retry: false,
  });
}

export function useProfile(userId: string) {
  return useQuery(getProfileQueryOptions(userId));
}
