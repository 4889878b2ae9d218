import { generateCodeVerifier, generateState } from 'arctic';
import { ConnectionsSchema, ConnectStartSchema, ErrorBodySchema, OAuthProviderSchema } from '@erun/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import { redirectResponse } from '../../http/openapi.ts';
import { AppError, NotFoundError } from '../../lib/errors.ts';
import type { UsersService } from '../users/users.service.ts';
import type { AuthService } from './auth.service.ts';
import type { DeviceCookies } from './device-cookie.ts';
import type { OAuthProviderClient } from './oauth-providers.ts';
import { COOKIE_PATH, type SessionCookies } from './session-cookie.ts';

export interface OAuthRoutesDeps {
  auth: AuthService;
  cookies: SessionCookies;
  /** The device cookie: where each sign-in comes from. */
  devices: DeviceCookies;
  clients: Map<string, OAuthProviderClient>;
  secure: boolean;
  isOnboarded: (userId: string) => Promise<boolean>;
}

const STATE_COOKIE = 'erun_oauth';
const STATE_MISMATCH_PAGE = `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=/login?error=oauth_state"><title>이RUN 저RUN</title></head>
<body><a href="/login?error=oauth_state">로그인 화면으로 돌아가기</a></body></html>`;
/** p provider, s state, v PKCE verifier, u the signed-in user when linking (absent: signing in). */
const StateCookieSchema = z.object({
  p: OAuthProviderSchema,
  s: z.string(),
  v: z.string(),
  u: z.uuid().optional(),
});
const stateCookieOptions = (secure: boolean) =>
  ({ path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure, signed: true }) as const;

/** Begins an authorization: the state and verifier go into a signed cookie; answers the provider's URL. */
function beginAuthorization(
  reply: FastifyReply,
  client: OAuthProviderClient,
  secure: boolean,
  userId?: string,
): URL {
  const state = generateState();
  const verifier = generateCodeVerifier();
  const value = JSON.stringify({ p: client.config.provider, s: state, v: verifier, u: userId });
  void reply.setCookie(STATE_COOKIE, value, { ...stateCookieOptions(secure), maxAge: 600 });
  return client.authorizationUrl(state, verifier);
}
const ParamsSchema = z.object({ provider: OAuthProviderSchema });
const CallbackQuerySchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
});

export const oauthRoutes: FastifyPluginAsyncZod<OAuthRoutesDeps> = async (app, deps) => {
  const stateCookie = stateCookieOptions(deps.secure);
  const clientOf = (provider: string) => {
    const client = deps.clients.get(provider);
    if (!client) throw new NotFoundError('PROVIDER_NOT_CONFIGURED', `${provider} sign-in is not configured`);
    return client;
  };

  app.get(
    '/:provider/start',
    {
      schema: {
        tags: ['auth'],
        params: ParamsSchema,
        response: { 302: redirectResponse("To the provider's sign-in page"), 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const client = clientOf(request.params.provider);
      return reply.redirect(beginAuthorization(reply, client, deps.secure).toString(), 302);
    },
  );

  app.get(
    '/:provider/callback',
    {
      schema: {
        tags: ['auth'],
        params: ParamsSchema,
        querystring: CallbackQuerySchema,
        response: {
          302: redirectResponse('Back to the web app, signed in or with the reason why not'),
          400: {
            description:
              'The sign-in expired or was tampered with: a page leading back to sign-in, or the error body',
            content: { 'text/html': { schema: z.string() }, 'application/json': { schema: ErrorBodySchema } },
          },
        },
      },
    },
    async (request, reply) => {
      const client = clientOf(request.params.provider);
      const saved = readState(request, request.params.provider);
      void reply.clearCookie(STATE_COOKIE, stateCookie);
      const { code, state } = request.query;
      if (!saved || !state || state !== saved.s) {
        // A person's browser gets a page that leads back to sign-in; API clients get the error body.
        if (request.headers.accept?.includes('text/html')) {
          return reply.status(400).type('text/html; charset=utf-8').send(STATE_MISMATCH_PAGE);
        }
        throw new AppError(400, 'OAUTH_STATE_MISMATCH', 'Sign-in expired or was tampered with; try again');
      }
      if (saved.u) {
        if (!code) return reply.redirect('/me/settings?error=oauth_cancelled', 302);
        return finishLink(request, reply, client, code, saved.v, saved.u);
      }
      if (!code) return reply.redirect('/login?error=oauth_cancelled', 302);
      return finish(request, reply, client, code, saved.v);
    },
  );

  async function finish(
    request: FastifyRequest,
    reply: FastifyReply,
    client: OAuthProviderClient,
    code: string,
    verifier: string,
  ) {
    try {
      const profile = await client.profile(await client.exchange(code, verifier));
      const session = await deps.auth.signInWithProvider(profile, deps.devices.context(request, reply));
      deps.cookies.set(reply, session.refreshToken);
      const onboarded = !session.isNew && (await deps.isOnboarded(session.userId));
      return reply.redirect(onboarded ? '/' : '/onboarding', 302);
    } catch (error) {
      request.log.warn({ err: error, provider: client.config.provider }, 'oauth sign-in failed');
      return reply.redirect('/login?error=oauth_failed', 302);
    }
  }

  /** Link mode: the provider account joins the signed-in user's ways in; the session stays as it is. */
  async function finishLink(
    request: FastifyRequest,
    reply: FastifyReply,
    client: OAuthProviderClient,
    code: string,
    verifier: string,
    userId: string,
  ) {
    const provider = client.config.provider;
    let profile;
    try {
      profile = await client.profile(await client.exchange(code, verifier));
    } catch (error) {
      request.log.warn({ err: error, provider }, 'oauth link failed');
      return reply.redirect('/me/settings?error=OAUTH_FAILED', 302);
    }
    try {
      await deps.auth.linkProvider(userId, profile);
    } catch (error) {
      if (!(error instanceof AppError) || request.headers.accept?.includes('application/json')) throw error;
      return reply.redirect(`/me/settings?error=${error.code}`, 302);
    }
    return reply.redirect(`/me/settings?connected=${provider}`, 302);
  }
};

export interface ConnectionsRoutesDeps {
  auth: AuthService;
  users: UsersService;
  clients: Map<string, OAuthProviderClient>;
  secure: boolean;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

/** `/api/me/connections`: sign-in methods of the signed-in user; linking starts here (issue 6). */
export const connectionsRoutes: FastifyPluginAsyncZod<ConnectionsRoutesDeps> = async (app, deps) => {
  const errors = { 401: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
  const clientOf = (provider: string) => {
    const client = deps.clients.get(provider);
    if (!client) throw new NotFoundError('PROVIDER_NOT_CONFIGURED', `${provider} sign-in is not configured`);
    return client;
  };

  app.get(
    '/me/connections',
    {
      schema: { tags: ['me'], response: { 200: ConnectionsSchema, ...errors } },
      preHandler: deps.authenticate,
    },
    async (request) => {
      const me = await deps.users.getMe(userIdOf(request));
      return {
        // A way in only with an address (the unlink rule counts it the same way).
        hasPassword: me.hasPassword && me.email !== null,
        email: me.email,
        providers: me.providers,
        available: { kakao: deps.clients.has('kakao'), naver: deps.clients.has('naver') },
      };
    },
  );

  /**
   * A browser cannot send the Bearer header on a redirect, so linking starts with this authenticated call:
   * it sets this browser's signed state cookie (carrying my id) and answers the provider URL to go to.
   */
  app.post(
    '/me/connections/:provider',
    {
      schema: { tags: ['me'], params: ParamsSchema, response: { 200: ConnectStartSchema, ...errors } },
      preHandler: deps.authenticate,
    },
    (request, reply) => {
      const client = clientOf(request.params.provider);
      return { url: beginAuthorization(reply, client, deps.secure, userIdOf(request)).toString() };
    },
  );

  app.delete(
    '/me/connections/:provider',
    {
      schema: { tags: ['me'], params: ParamsSchema, response: { 204: z.null(), ...errors } },
      preHandler: deps.authenticate,
    },
    async (request, reply) => {
      await deps.auth.unlinkProvider(userIdOf(request), request.params.provider);
      return reply.status(204).send(null);
    },
  );
};

function readState(request: FastifyRequest, provider: string) {
  const raw = request.cookies[STATE_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const parsed = StateCookieSchema.safeParse(JSON.parse(unsigned.value));
    return parsed.success && parsed.data.p === provider ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
