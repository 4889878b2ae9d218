import { endpoints, type Run, type UpdateRun } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

export function updateRun({ runId, changes }: { runId: string; changes: UpdateRun }): Promise<Run> {
  return apiClient.call(endpoints.updateRun, { params: { runId }, body: changes });
}

export function useUpdateRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRun,
    onSuccess: (run) => {
      queryClient.setQueryData(runKeys.detail(run.id), run);
      return queryClient.invalidateQueries({ queryKey: runKeys.lists() });
    },
  });
}
