import { endpoints } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

/** Cancels a run (host only, until its start). */
export function deleteRun(runId: string): Promise<void> {
  return apiClient.call(endpoints.deleteRun, { params: { runId } });
}

export function useDeleteRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRun,
    onSuccess: (_, runId) => {
      queryClient.removeQueries({ queryKey: runKeys.detail(runId) });
      return queryClient.invalidateQueries({ queryKey: runKeys.lists() });
    },
  });
}
