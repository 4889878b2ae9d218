import type { z } from 'zod';
import { endpoints, type RemoveParticipantSchema } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

export interface RemoveParticipantInput {
  runId: string;
  userId: string;
  body: z.infer<typeof RemoveParticipantSchema>;
}

/** The host removes a participant, with a reason they are told. */
export function removeParticipant({ runId, userId, body }: RemoveParticipantInput): Promise<void> {
  return apiClient.call(endpoints.removeParticipant, { params: { runId, userId }, body });
}

export function useRemoveParticipant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeParticipant,
    onSettled: (_, __, { runId }) => queryClient.invalidateQueries({ queryKey: runKeys.detail(runId) }),
  });
}
