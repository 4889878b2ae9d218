import { endpoints, type Attendance } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { afterRunKeys } from './after-run-keys.ts';

export function getAttendance(runId: string, signal?: AbortSignal): Promise<Attendance> {
  return apiClient.call(endpoints.getAttendance, { params: { runId }, signal });
}

export function getAttendanceQueryOptions(runId: string) {
  return queryOptions({
    queryKey: afterRunKeys.attendance(runId),
    queryFn: ({ signal }) => getAttendance(runId, signal),
    // 403 (not the host) and 404 are answers, not hiccups.
    retry: false,
  });
}

export function useAttendance(runId: string) {
  return useQuery(getAttendanceQueryOptions(runId));
}
