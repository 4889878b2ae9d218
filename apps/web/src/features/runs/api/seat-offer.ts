import { endpoints } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { runKeys } from './run-keys.ts';

/** Takes the seat offered to the caller (issue 17): 409 SEAT_OFFER_EXPIRED once the window has passed. */
export function claimSeatOffer(runId: string): Promise<{ status: 'joined' }> {
  return apiClient.call(endpoints.claimSeatOffer, { params: { runId } });
}

/** Gives the offered seat up (양보): it goes to the next runner, and the caller leaves the waitlist. */
export function declineSeatOffer(runId: string): Promise<void> {
  return apiClient.call(endpoints.declineSeatOffer, { params: { runId } });
}

/** Not optimistic: the server decides the seat; the run is fetched again whatever happened. */
export function useClaimSeatOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: claimSeatOffer,
    onSettled: () => queryClient.invalidateQueries({ queryKey: runKeys.all }),
  });
}

export function useDeclineSeatOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineSeatOffer,
    onSettled: () => queryClient.invalidateQueries({ queryKey: runKeys.all }),
  });
}
