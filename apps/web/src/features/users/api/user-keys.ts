import { meQueryKey } from '../../../lib/session.ts';

export const userKeys = {
  profile: (userId: string) => ['users', userId] as const,
  stats: () => [...meQueryKey, 'stats'] as const,
  badges: () => [...meQueryKey, 'badges'] as const,
  calendarFeed: () => [...meQueryKey, 'calendar-feed'] as const,
};
