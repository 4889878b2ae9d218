import { endpoints } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

/** Cancels a run (host only, until its start), with an optional reason its runners are told ("비 예보"). */
export function deleteRun({ runId, reason }: { runId: string; reason?: string }): Promise<void> {
  return apiClient.call(endpoints.deleteRun, { params: { runId }, body: reason ? { reason } : {} });
}

export function useDeleteRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRun,
    onSuccess: (_, { runId }) => {
      queryClient.removeQueries({ queryKey: runKeys.detail(runId) });
      return queryClient.invalidateQueries({ queryKey: runKeys.all });
    },
  });
}
