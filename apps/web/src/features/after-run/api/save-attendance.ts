import { endpoints, type Attendance, type SaveAttendance } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';
import { afterRunKeys } from './after-run-keys.ts';

export function saveAttendance(runId: string, body: SaveAttendance): Promise<Attendance> {
  return apiClient.call(endpoints.saveAttendance, { params: { runId }, body });
}

export function useSaveAttendance(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveAttendance) => saveAttendance(runId, body),
    onSuccess: (attendance) => {
      queryClient.setQueryData(afterRunKeys.attendance(runId), attendance);
      // Scores moved: my runs, stats and profiles read them.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
