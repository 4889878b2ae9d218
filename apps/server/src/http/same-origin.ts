import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnsupportedMediaTypeError } from '../lib/errors.ts';

export type SameOriginHook = (request: FastifyRequest) => Promise<void>;

const ALLOWED_SITES = new Set(['same-origin', 'none']);

/**
 * For the endpoints the refresh cookie authenticates (refresh, logout). SameSite=Lax still sends the cookie
 * from a sibling subdomain's page, so a same-site page could end or rotate the session: the browser's
 * `Sec-Fetch-Site` must not say another site or origin, `Origin` (when sent) must be ours, and the body must
 * be JSON — which no form can send and no other origin can without a CORS preflight this server never grants.
 * Our origin is PUBLIC_URL's; without one (development) the request's own host.
 */
export function sameOriginHook(publicUrl: string | undefined): SameOriginHook {
  const expected = publicUrl === undefined ? undefined : new URL(publicUrl).origin;
  return (request) => {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && !ALLOWED_SITES.has(site)) return refuse('Cross-site request refused');
    const origin = request.headers.origin;
    if (origin !== undefined && !isOurs(origin, expected, request.host)) {
      return refuse('Request from another origin refused');
    }
    const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return Promise.reject(
        new UnsupportedMediaTypeError('Send a JSON body (content-type: application/json)'),
      );
    }
    return Promise.resolve();
  };
}

function isOurs(origin: string, expected: string | undefined, host: string): boolean {
  if (expected !== undefined) return origin === expected;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const refuse = (message: string) => Promise.reject(new ForbiddenError('FORBIDDEN', message));
