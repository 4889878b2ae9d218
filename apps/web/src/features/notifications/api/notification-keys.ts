import { meQueryKey } from '../../../lib/session.ts';

/** Cache keys of the signed-in user's notifications: under `['me']`, so signing out drops them. */
export const notificationKeys = {
  all: [...meQueryKey, 'notifications'] as const,
  count: () => [...notificationKeys.all, 'count'] as const,
  latest: () => [...notificationKeys.all, 'latest'] as const,
  pages: () => [...notificationKeys.all, 'pages'] as const,
};

/** Under the user's own key: signing out drops them with everything else private. */
export const notificationSettingsKeys = {
  preferences: [...meQueryKey, 'notification-preferences'] as const,
  pushKey: ['push-public-key'] as const,
};
