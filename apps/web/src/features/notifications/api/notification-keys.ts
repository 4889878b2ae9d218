import { meQueryKey } from '../../../lib/session.ts';

/** Under the user's own key: signing out drops them with everything else private. */
export const notificationSettingsKeys = {
  preferences: [...meQueryKey, 'notification-preferences'] as const,
  pushKey: ['push-public-key'] as const,
};
