import type { EmailLinkSent } from '@erun/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { deferredEndpoints } from '../../../lib/deferred-endpoints.ts';

/** Mails another verification link to the signed-in account's address (one a minute, five a day). */
export function resendEmailVerification(): Promise<EmailLinkSent> {
  return apiClient.call(deferredEndpoints.resendEmailVerification, {});
}

export function useResendEmailVerification() {
  return useMutation({ mutationFn: resendEmailVerification });
}
