import { endpoints, type PushPublicKey, type PushSubscriptionInput } from '@erun/contracts';
import { apiClient } from '../../../lib/api-client.ts';

export function getPushPublicKey(): Promise<PushPublicKey> {
  return apiClient.call(endpoints.getPushPublicKey);
}

export function savePushSubscription(subscription: PushSubscriptionInput): Promise<void> {
  return apiClient.call(endpoints.subscribePush, { body: subscription });
}

export function deletePushSubscription(endpoint: string): Promise<void> {
  return apiClient.call(endpoints.unsubscribePush, { body: { endpoint } });
}
