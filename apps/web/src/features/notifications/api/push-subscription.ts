import { PushPublicKeySchema, type PushPublicKey, type PushSubscriptionInput } from '@erun/contracts';
import { apiClient } from '../../../lib/api-client.ts';

export function getPushPublicKey(): Promise<PushPublicKey> {
  return apiClient.get('/api/push/public-key', PushPublicKeySchema);
}

export function savePushSubscription(subscription: PushSubscriptionInput): Promise<void> {
  return apiClient.send('/api/me/push-subscriptions', 'POST', subscription);
}

export function deletePushSubscription(endpoint: string): Promise<void> {
  return apiClient.send('/api/me/push-subscriptions', 'DELETE', { endpoint });
}
