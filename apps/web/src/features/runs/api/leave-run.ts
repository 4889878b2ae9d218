import { endpoints } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

/** Leaves a run or its waitlist; the first on the waitlist takes the seat. */
export function leaveRun(runId: string): Promise<void> {
  return apiClient.call(endpoints.leaveRun, { params: { runId } });
}

export function useLeaveRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: leaveRun,
    onSettled: () => queryClient.invalidateQueries({ queryKey: runKeys.all }),
  });
}
