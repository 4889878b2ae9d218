import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { useLeaving } from '../../lib/session.ts';
import { useSession } from '../use-session.ts';

/** Only same-site paths: `next` comes from the URL, so it must not send the user to another origin. */
export function safeNext(next: string | null): string | null {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

/**
 * Signed-out visitors go to the login page, and come back here after signing in. Not while the account is being
 * deleted: that sign-out is the deletion's, and the deletion takes the user home itself (see `leaving`).
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  const deleting = useLeaving();
  if (session.status === 'signed-out' && !deleting) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <Outlet />;
}

/** Login and sign-up are for signed-out visitors; a signed-in user continues to `next` (or home). */
export function GuestOnly() {
  const session = useSession();
  const [params] = useSearchParams();
  if (session.status === 'signed-in') return <Navigate to={safeNext(params.get('next')) ?? '/'} replace />;
  return <Outlet />;
}
