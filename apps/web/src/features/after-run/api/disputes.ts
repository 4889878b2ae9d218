import { endpoints, type CreateDispute, type Dispute, type ResolveDispute } from '@erun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';
import { afterRunKeys } from './after-run-keys.ts';

/** My mark at a run and my dispute of it (a runner marked absent disputes within 48 h). */
export function useMyAttendance(runId: string, enabled = true) {
  return useQuery({
    queryKey: afterRunKeys.mine(runId),
    queryFn: ({ signal }) => apiClient.call(endpoints.getMyAttendance, { params: { runId }, signal }),
    enabled,
    retry: false,
  });
}

export function useCreateDispute(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDispute): Promise<Dispute> =>
      apiClient.call(endpoints.createDispute, { params: { runId }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: afterRunKeys.mine(runId) }),
  });
}

/** The run's disputes, for whoever manages it. */
export function useRunDisputes(runId: string) {
  return useQuery({
    queryKey: afterRunKeys.disputes(runId),
    queryFn: ({ signal }) => apiClient.call(endpoints.getRunDisputes, { params: { runId }, signal }),
    retry: false,
  });
}

export function useResolveDispute(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: ResolveDispute & { userId: string }): Promise<Dispute> =>
      apiClient.call(endpoints.resolveDispute, { params: { runId, userId }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: afterRunKeys.disputes(runId) });
      // An accepted dispute turns the runner present: the sheet and scores move.
      void queryClient.invalidateQueries({ queryKey: afterRunKeys.attendance(runId) });
      void queryClient.invalidateQueries({ queryKey: afterRunKeys.reliability(runId) });
    },
  });
}

/** The records of a run's runners, for whoever manages it. */
export function useRunReliability(runId: string, enabled = true) {
  return useQuery({
    queryKey: afterRunKeys.reliability(runId),
    queryFn: ({ signal }) => apiClient.call(endpoints.getRunReliability, { params: { runId }, signal }),
    enabled,
    retry: false,
  });
}

/** A user's reliability record (mine on /me). */
export function useReliability(userId: string | null) {
  return useQuery({
    queryKey: [...meQueryKey, 'reliability', userId] as const,
    queryFn: ({ signal }) =>
      apiClient.call(endpoints.getReliability, { params: { userId: userId ?? '' }, signal }),
    enabled: userId !== null,
    retry: false,
  });
}
