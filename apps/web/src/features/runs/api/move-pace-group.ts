import { endpoints, type JoinResult } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

export interface MovePaceGroupInput {
  runId: string;
  userId: string;
  paceGroupId: string;
}

/** Moves a runner to another pace group: the host anyone, a runner themself (into a free seat). */
export function movePaceGroup({ runId, userId, paceGroupId }: MovePaceGroupInput): Promise<JoinResult> {
  return apiClient.call(endpoints.movePaceGroup, { params: { runId, userId }, body: { paceGroupId } });
}

/** Not optimistic: seats are decided by the server, so the run is fetched again whatever happened. */
export function useMovePaceGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: movePaceGroup,
    onSettled: () => queryClient.invalidateQueries({ queryKey: runKeys.all }),
  });
}
