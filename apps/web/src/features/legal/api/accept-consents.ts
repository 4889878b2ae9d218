import { endpoints, type AcceptConsents, type ConsentState, type Me } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';
import { consentsQueryKey } from './get-my-consents.ts';

export function acceptConsents(body: AcceptConsents): Promise<ConsentState> {
  return apiClient.call(endpoints.acceptConsents, { body });
}

/** Records the choices; the answer is the new state, and `me` learns what is still required. */
export function useAcceptConsents() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptConsents,
    onSuccess: (state) => {
      queryClient.setQueryData(consentsQueryKey, state);
      queryClient.setQueryData<Me>(meQueryKey, (me) => me && { ...me, consentsRequired: state.required });
    },
  });
}
