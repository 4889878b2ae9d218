import { endpoints, type JoinResult } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

/** Joins a run (into a pace group, when it has them), or its (group's) waitlist when it is full. */
export function joinRun(input: string | { runId: string; paceGroupId?: string }): Promise<JoinResult> {
  const { runId, paceGroupId } = typeof input === 'string' ? { runId: input, paceGroupId: undefined } : input;
  return apiClient.call(endpoints.joinRun, {
    params: { runId },
    body: paceGroupId ? { paceGroupId } : null,
  });
}

/** Not optimistic: seats are decided by the server, so the run is fetched again whatever happened. */
export function useJoinRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: joinRun,
    onSettled: () => queryClient.invalidateQueries({ queryKey: runKeys.all }),
  });
}
