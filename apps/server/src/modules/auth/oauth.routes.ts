import { generateCodeVerifier, generateState } from 'arctic';
import { ErrorBodySchema, OAuthProviderSchema } from '@erun/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, NotFoundError } from '../../lib/errors.ts';
import type { AuthService } from './auth.service.ts';
import type { OAuthProviderClient } from './oauth-providers.ts';
import { COOKIE_PATH, type SessionCookies } from './session-cookie.ts';

export interface OAuthRoutesDeps {
  auth: AuthService;
  cookies: SessionCookies;
  clients: Map<string, OAuthProviderClient>;
  secure: boolean;
  isOnboarded: (userId: string) => Promise<boolean>;
}

const STATE_COOKIE = 'erun_oauth';
const STATE_MISMATCH_PAGE = `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=/login?error=oauth_state"><title>이RUN 저RUN</title></head>
<body><a href="/login?error=oauth_state">로그인 화면으로 돌아가기</a></body></html>`;
const StateCookieSchema = z.object({ p: OAuthProviderSchema, s: z.string(), v: z.string() });
const ParamsSchema = z.object({ provider: OAuthProviderSchema });
const CallbackQuerySchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
});

export const oauthRoutes: FastifyPluginAsyncZod<OAuthRoutesDeps> = async (app, deps) => {
  const stateCookie = {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.secure,
    signed: true,
  } as const;
  const clientOf = (provider: string) => {
    const client = deps.clients.get(provider);
    if (!client) throw new NotFoundError('PROVIDER_NOT_CONFIGURED', `${provider} sign-in is not configured`);
    return client;
  };

  app.get(
    '/:provider/start',
    { schema: { tags: ['auth'], params: ParamsSchema, response: { 404: ErrorBodySchema } } },
    async (request, reply) => {
      const client = clientOf(request.params.provider);
      const state = generateState();
      const verifier = generateCodeVerifier();
      const value = JSON.stringify({ p: request.params.provider, s: state, v: verifier });
      void reply.setCookie(STATE_COOKIE, value, { ...stateCookie, maxAge: 600 });
      return reply.redirect(client.authorizationUrl(state, verifier).toString(), 302);
    },
  );

  app.get(
    '/:provider/callback',
    {
      schema: { tags: ['auth'], params: ParamsSchema, querystring: CallbackQuerySchema },
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
      const session = await deps.auth.signInWithProvider(profile);
      deps.cookies.set(reply, session.refreshToken);
      const onboarded = !session.isNew && (await deps.isOnboarded(session.userId));
      return reply.redirect(onboarded ? '/' : '/onboarding', 302);
    } catch (error) {
      request.log.warn({ err: error, provider: client.config.provider }, 'oauth sign-in failed');
      return reply.redirect('/login?error=oauth_failed', 302);
    }
  }
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
