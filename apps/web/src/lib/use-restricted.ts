import type { Me } from '@erun/contracts';
import { skipToken, useQuery } from '@tanstack/react-query';
import { meQueryKey, useAuthStatus } from './session.ts';

/**
 * The signed-in account is suspended or banned (GET /api/me's `restriction`): it reads but does not post, join
 * or host, so those controls show disabled with the reason up front instead of failing after a tap. Reads the
 * signed-in user the session keeps loaded (never fetches it itself).
 */
export function useRestricted(): boolean {
  const auth = useAuthStatus();
  const me = useQuery<Me>({ queryKey: meQueryKey, queryFn: skipToken });
  return auth === 'signed-in' && (me.data?.restriction ?? null) !== null;
}
