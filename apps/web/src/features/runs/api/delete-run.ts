import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

/** Cancels a run (host only, until its start). */
export function deleteRun(runId: string): Promise<void> {
  return apiClient.send(`/api/runs/${encodeURIComponent(runId)}`, 'DELETE');
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
