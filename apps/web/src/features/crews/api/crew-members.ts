import {
  type CrewMemberStatus,
  endpoints,
  type RemoveCrewMember,
  type UpdateCrewMember,
} from '@erun/contracts';
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { crewMemberKeys } from './crew-membership.ts';

export function crewMembersQueryOptions(crewId: string, status: CrewMemberStatus) {
  return infiniteQueryOptions({
    queryKey: crewMemberKeys.list(crewId, status),
    queryFn: ({ pageParam, signal }) =>
      apiClient.call(endpoints.getCrewMembers, {
        params: { crewId },
        query: { status, cursor: pageParam || undefined },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One of the crew's lists: members (members see it), requests and bans (staff). */
export function useCrewMembers(crewId: string, status: CrewMemberStatus, enabled = true) {
  return useInfiniteQuery({ ...crewMembersQueryOptions(crewId, status), enabled });
}

function useCrewChange<V>(crewId: string, call: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: crewMemberKeys.crew(crewId) }),
  });
}

/** Approve a request (`status: member`), or change a role (the owner). */
export function useUpdateCrewMember(crewId: string) {
  return useCrewChange(crewId, ({ userId, body }: { userId: string; body: UpdateCrewMember }) =>
    apiClient.call(endpoints.updateCrewMember, { params: { crewId, userId }, body }),
  );
}

/** Refuse a request, remove or ban a member, or lift a ban. */
export function useRemoveCrewMember(crewId: string) {
  return useCrewChange(crewId, ({ userId, body }: { userId: string; body: RemoveCrewMember }) =>
    apiClient.call(endpoints.removeCrewMember, { params: { crewId, userId }, body }),
  );
}

/** A new invite link (the previous one stops working). */
export function useCreateCrewInvite(crewId: string) {
  return useMutation({
    mutationFn: () => apiClient.call(endpoints.createCrewInvite, { params: { crewId } }),
  });
}
