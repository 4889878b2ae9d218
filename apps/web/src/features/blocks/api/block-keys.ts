import { meQueryKey } from '../../../lib/session.ts';

/** My blocks are mine: under the signed-in user's key, gone with the session. */
export const blockKeys = {
  all: [...meQueryKey, 'blocks'] as const,
  list: () => [...blockKeys.all, 'list'] as const,
  state: (userId: string) => [...blockKeys.all, 'state', userId] as const,
};
