import type { Me } from '@erun/contracts';
import { useMe } from '../features/users/api/get-me.ts';
import { useAuthStatus } from '../lib/session.ts';

export type Session =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: Me }
  | { status: 'error'; retry: () => void };

/** Who is using the app: known once the start-up refresh and, when signed in, GET /api/me have answered. */
export function useSession(): Session {
  const auth = useAuthStatus();
  const me = useMe({ enabled: auth === 'signed-in' });
  if (auth === 'unknown') return { status: 'loading' };
  if (auth === 'signed-out') return { status: 'signed-out' };
  if (me.data) return { status: 'signed-in', user: me.data };
  if (me.isError) return { status: 'error', retry: () => void me.refetch() };
  return { status: 'loading' };
}
