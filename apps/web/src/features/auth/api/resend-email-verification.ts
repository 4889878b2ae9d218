import type { EmailLinkSent } from '@erun/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { deferredEndpoints } from '../../../lib/deferred-endpoints.ts';

/** Mails another verification link to the signed-in account's address (one a minute, five a day). */
export function resendEmailVerification(): Promise<EmailLinkSent> {
  return apiClient.call(deferredEndpoints.resendEmailVerification, {});
}

/** What to do with the answer, given to the mutation itself: it runs however soon the answer comes. */
export interface ResendCallbacks {
  onSuccess: (sent: EmailLinkSent) => void;
  onError: (error: Error) => void;
}

export function useResendEmailVerification(callbacks: ResendCallbacks) {
  return useMutation({ mutationFn: resendEmailVerification, ...callbacks });
}
