import { endpoints, type JoinCrew, type MyCrewMembership } from '@erun/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

/**
 * Cache keys of crew membership. Everything of a crew sits under `['crews', crewId]`, so a change of my place
 * in it (joined, approved live, left) refreshes the crew's page and lists with one invalidation.
 */
export const crewMemberKeys = {
  crew: (crewId: string) => ['crews', crewId] as const,
  mine: (crewId: string) => ['crews', crewId, 'membership'] as const,
  list: (crewId: string, status: string) => ['crews', crewId, 'members', status] as const,
};

export function getMyCrewMembership(crewId: string, signal?: AbortSignal): Promise<MyCrewMembership> {
  return apiClient.call(endpoints.getMyCrewMembership, { params: { crewId }, signal });
}

export function myCrewMembershipQueryOptions(crewId: string) {
  return queryOptions({
    queryKey: crewMemberKeys.mine(crewId),
    queryFn: ({ signal }) => getMyCrewMembership(crewId, signal),
  });
}

/** My place in the crew (signed in only). */
export function useMyCrewMembership(crewId: string, enabled = true) {
  return useQuery({ ...myCrewMembershipQueryOptions(crewId), enabled });
}

/** Asks to join (answers for approval crews, the invite secret from a link); the server decides the status. */
export function useJoinCrew(crewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JoinCrew) => apiClient.call(endpoints.joinCrew, { params: { crewId }, body }),
    // The whole crews tree: the crew page's member count and my viewer state change too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['crews'] }),
  });
}

/** Leaves the crew, or withdraws my request. */
export function useLeaveCrew(crewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.call(endpoints.leaveCrew, { params: { crewId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['crews'] }),
  });
}
