import { endpoints, type JoinResult } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

/** Joins a run, or its waitlist when it is full. */
export function joinRun(runId: string): Promise<JoinResult> {
  return apiClient.call(endpoints.joinRun, { params: { runId } });
}

/** Not optimistic: seats are decided by the server, so the run is fetched again whatever happened. */
export function useJoinRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: joinRun,
    onSettled: () => queryClient.invalidateQueries({ queryKey: runKeys.all }),
  });
}
