import { type ChangeEmail, endpoints, type EmailLinkSent } from '@erun/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

/** Asks to change the address: a link goes to the new one, which replaces the old once it is followed. */
export function changeEmail(body: ChangeEmail): Promise<EmailLinkSent> {
  return apiClient.call(endpoints.changeEmail, { body });
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}
