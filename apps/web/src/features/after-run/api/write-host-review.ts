import { endpoints, type WriteHostReview } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

/** 201 with no body; REVIEW_EXISTS, OUTSIDE_WINDOW and NOT_PRESENT come back as errors. */
export function writeHostReview(runId: string, body: WriteHostReview): Promise<void> {
  return apiClient.call(endpoints.writeHostReview, { params: { runId }, body });
}

export function useWriteHostReview(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WriteHostReview) => writeHostReview(runId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
