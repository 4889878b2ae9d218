import { ErrorBodySchema } from '@erun/contracts';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../lib/errors.ts';
import { BEARER_AUTH } from './openapi.ts';
import type { AccessTokens } from '../modules/auth/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` (always) and `identify` (when a valid token came). */
    userId: string | null;
    /** Set by `authenticate`: the session (sign-in) the access token belongs to; null for a token without one. */
    sessionId: string | null;
  }
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

/** What a read answered as a guest's says of the token it did not accept (expired, forged, malformed). */
export const REFUSED_TOKEN = 'Bearer error="invalid_token"';
/** Requests `identify` answers as a guest's although they came with a token (see `privateResponses`). */
const refusedTokens = new WeakSet<FastifyRequest>();

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes a user who has yet to accept the current terms may still make: consent, sessions, account. */
const WRITES_WITHOUT_CONSENT = new Set([
  'POST /api/me/consents',
  'DELETE /api/me',
  'PUT /api/me/password',
  'DELETE /api/me/sessions',
  'DELETE /api/me/sessions/:sessionId',
]);

/**
 * Writes a suspended or banned user may still make (DOMAIN.md: they read but do not post, join or host): their
 * own settings, sessions and account, leaving, private bookkeeping (bookmarks, read marks, mutes), taking down
 * their own content, and the safety tools (report, block, dispute an absent mark). Every other write answers
 * 403 ACCOUNT_SUSPENDED — a route added later is refused until it is listed here.
 */
const WRITES_WHILE_RESTRICTED = new Set([
  ...WRITES_WITHOUT_CONSENT,
  'PATCH /api/me',
  'PUT /api/me/email',
  'POST /api/me/connections/:provider',
  'DELETE /api/me/connections/:provider',
  'POST /api/me/calendar/rotate',
  'PUT /api/me/notification-preferences',
  'POST /api/me/push-subscriptions',
  'DELETE /api/me/push-subscriptions',
  'POST /api/me/phone/verification',
  'POST /api/me/phone/verification/confirm',
  'DELETE /api/me/phone',
  'PUT /api/me/sms-consent',
  'POST /api/notifications/read',
  'DELETE /api/runs/:runId/participants/me',
  'DELETE /api/crews/:crewId/members/me',
  'PUT /api/runs/:runId/bookmark',
  'DELETE /api/runs/:runId/bookmark',
  'PUT /api/courses/:courseId/bookmark',
  'DELETE /api/courses/:courseId/bookmark',
  'POST /api/runs/:runId/messages/read',
  'POST /api/crews/:crewId/chat/read',
  'PUT /api/chats/:kind/:id/mute',
  'DELETE /api/runs/:runId',
  'DELETE /api/courses/:courseId',
  'DELETE /api/comments/:commentId',
  'DELETE /api/announcements/:announcementId',
  'DELETE /api/series/:seriesId',
  'DELETE /api/crews/:crewId',
  'POST /api/reports',
  'PUT /api/me/blocks/:userId',
  'DELETE /api/me/blocks/:userId',
  // Saved searches are private bookkeeping, like bookmarks (issue 18).
  'POST /api/me/saved-searches',
  'DELETE /api/me/saved-searches/:savedSearchId',
  'POST /api/runs/:runId/attendance/disputes',
  'DELETE /api/runs/:runId/seat-offer',
]);

function routeKey(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? ''}`;
}

/** A write outside the lists above (sign-in and sign-out, under /api/auth/, are always allowed). */
function isGatedWrite(request: FastifyRequest, allowed: Set<string>): boolean {
  if (READS.has(request.method)) return false;
  return !(request.routeOptions.url ?? '').startsWith('/api/auth/') && !allowed.has(routeKey(request));
}

function needsConsent(request: FastifyRequest): boolean {
  return isGatedWrite(request, WRITES_WITHOUT_CONSENT);
}

/**
 * preHandlers: `authenticate` requires a valid access token of an account that still exists and of a session
 * not signed out (a deleted account's tokens, and those of a device signed out from the sessions list, stop
 * working at once: asked of `isActive`, which the app answers from a per-process cache forgotten on every
 * process when the status changes, ADR 024); `identify` accepts a guest and only
 * checks the token (reads; such a token expires within 15 minutes; one that does not verify gets the guest's
 * answer, marked as such by `privateResponses`). A token without a session (`sid`; none the server issues
 * since issue 15) is held to the account rule alone until it expires. A user who has not
 * accepted the current required documents (`mustConsent`) may read, sign out, accept and leave, but any
 * other write answers 403 CONSENT_REQUIRED (one more indexed lookup, on writes only). A suspended or banned
 * user (`restricted`, issue 17) may read and make the writes of WRITES_WHILE_RESTRICTED; any other write —
 * posting, joining, hosting — answers 403 ACCOUNT_SUSPENDED (on those writes only; the same cache).
 */
export function authHooks(
  tokens: AccessTokens,
  isActive: (userId: string, sessionId: string | null) => Promise<boolean> = async () => true,
  mustConsent: (userId: string) => Promise<boolean> = async () => false,
  restricted: (userId: string) => Promise<boolean> = async () => false,
) {
  return {
    authenticate: async (request: FastifyRequest): Promise<void> => {
      const token = bearerOf(request);
      const claims = token ? await tokens.verifyWithExpiry(token) : null;
      if (!claims || !(await isActive(claims.userId, claims.sessionId))) throw new UnauthorizedError();
      if (needsConsent(request) && (await mustConsent(claims.userId))) {
        throw new ForbiddenError('CONSENT_REQUIRED', 'Accept the current terms and privacy policy first');
      }
      if (isGatedWrite(request, WRITES_WHILE_RESTRICTED) && (await restricted(claims.userId))) {
        throw new ForbiddenError(
          'ACCOUNT_SUSPENDED',
          'This account is suspended: it may read, but not post, join or host',
        );
      }
      request.userId = claims.userId;
      request.sessionId = claims.sessionId;
    },
    identify: async (request: FastifyRequest): Promise<void> => {
      const token = bearerOf(request);
      request.userId = token ? await tokens.verify(token) : null;
      if (token && request.userId === null) refusedTokens.add(request);
    },
  };
}

/** The caller's session inside a route that ran `authenticate` (null: a token without one). */
export function sessionIdOf(request: FastifyRequest): string | null {
  return request.sessionId;
}

/** The caller's id inside a route that ran `authenticate`. */
export function userIdOf(request: FastifyRequest): string {
  if (!request.userId) throw new UnauthorizedError();
  return request.userId;
}

type AuthHook = (request: FastifyRequest) => Promise<void>;
type RouteHook = NonNullable<RouteOptions['onRequest']>;

function hooksOf(value: RouteHook | RouteOptions['preHandler'] | undefined): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? [...(value as unknown[])] : [value];
}

/**
 * Makes a route an authenticated one: `authenticate` runs at onRequest, before the body is read, parsed or
 * validated (a caller without a valid token gets 401, never a 400 about its body, and uploads no bytes), and the
 * document says the operation needs the bearer token and may answer 401. Idempotent.
 */
export function requireAuthentication(route: RouteOptions, authenticate: AuthHook): void {
  const onRequest = hooksOf(route.onRequest);
  if (!onRequest.includes(authenticate)) route.onRequest = [...onRequest, authenticate] as RouteHook;
  route.preHandler = hooksOf(route.preHandler).filter(
    (h) => h !== authenticate,
  ) as RouteOptions['preHandler'];
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const response = (schema.response ?? {}) as Record<string, unknown>;
  route.schema = {
    ...schema,
    security: [{ [BEARER_AUTH]: [] }],
    response: { 401: ErrorBodySchema, ...response },
  };
}

/**
 * The one place that reads what a route's preHandler says about its caller (an onRoute hook of the API):
 * `authenticate` → requireAuthentication; `identify` → the token is optional (documented as such); anything
 * else is public. A plugin whose every route is authenticated adds `everyRouteAuthenticated` instead.
 */
export function routeAccess(hooks: { authenticate: AuthHook; identify: AuthHook }) {
  return (route: RouteOptions): void => {
    const preHandler = hooksOf(route.preHandler);
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    if (preHandler.includes(hooks.authenticate)) requireAuthentication(route, hooks.authenticate);
    else if (preHandler.includes(hooks.identify))
      route.schema = { ...schema, security: [{}, { [BEARER_AUTH]: [] }] };
    else if (!schema.security) route.schema = { ...schema, security: [] };
  };
}

/** For a plugin's `addHook('onRoute', …)`: each of its routes requires a valid token. */
export function everyRouteAuthenticated(authenticate: AuthHook) {
  return (route: RouteOptions): void => requireAuthentication(route, authenticate);
}

/**
 * onSend hook of the API: a response made for a caller who sent a token (their own data, their status on a
 * run) is never stored by the browser or a proxy, unless the route chose its own caching. A read answered as
 * a guest's because its token was refused says so (RFC 6750's invalid_token): the web app then refreshes and
 * asks again, instead of showing a signed-in user, once their 15 minutes are up, the page a stranger sees.
 */
export function privateResponses(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  const private_ = request.userId !== null || request.headers.authorization !== undefined;
  if (private_ && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
  if (refusedTokens.has(request)) void reply.header('www-authenticate', REFUSED_TOKEN);
  done(null, payload);
}
