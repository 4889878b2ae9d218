import {
  AuthProvidersSchema,
  AuthResponseSchema,
  ErrorBodySchema,
  LoginSchema,
  RefreshResponseSchema,
  SignupSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Env } from '../../config/env.ts';
import { userIdOf } from '../../http/authenticate.ts';
import { type LimitFactory, passwordGuessLimits } from '../../http/rate-limit.ts';
import type { SameOriginHook } from '../../http/same-origin.ts';
import type { AuthService } from './auth.service.ts';
import type { DeviceCookies } from './device-cookie.ts';
import { hashSecretToken } from './secret-tokens.ts';
import type { SessionCookies } from './session-cookie.ts';

export interface AuthRoutesDeps {
  auth: AuthService;
  cookies: SessionCookies;
  /** The device cookie: where each sign-in and refresh comes from. */
  devices: DeviceCookies;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** Every endpoint the refresh cookie authenticates: same origin and a JSON body only. */
  sameOrigin: SameOriginHook;
  limit: LimitFactory;
  env: Env;
  providers: { kakao: boolean; naver: boolean };
}

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 409: ErrorBodySchema, 429: ErrorBodySchema };
const cookieErrors = { 403: ErrorBodySchema, 415: ErrorBodySchema };

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesDeps> = async (app, deps) => {
  const { auth, cookies, devices, env, limit } = deps;
  const byIp = (r: FastifyRequest) => r.ip;
  const byEmail = (r: FastifyRequest) => {
    const email = (r.body as { email?: string } | undefined)?.email;
    return email === undefined ? undefined : `email:${email.toLowerCase()}`;
  };
  const bySession = (r: FastifyRequest) => {
    const token = cookies.read(r);
    return token === undefined ? undefined : hashSecretToken(token);
  };

  app.post(
    '/signup',
    {
      schema: { tags: ['auth'], body: SignupSchema, response: { 201: AuthResponseSchema, ...errors } },
      // Generous an hour (a crew signing up together on one Wi-Fi), tighter a day (a script meets a wall).
      preHandler: [
        limit('signup-ip', env.RATE_LIMIT_SIGNUP_IP, byIp),
        limit('signup-ip-day', env.RATE_LIMIT_SIGNUP_IP_DAY, byIp),
      ],
    },
    async (request, reply) => {
      const { refreshToken, ...signedIn } = await auth.signup(request.body, devices.context(request, reply));
      cookies.set(reply, refreshToken);
      return reply.status(201).send(signedIn);
    },
  );

  app.post(
    '/login',
    {
      schema: { tags: ['auth'], body: LoginSchema, response: { 200: AuthResponseSchema, ...errors } },
      preHandler: passwordGuessLimits(
        limit,
        { perIp: env.RATE_LIMIT_LOGIN_IP, perAccount: env.RATE_LIMIT_LOGIN_ACCOUNT },
        byEmail,
      ),
    },
    async (request, reply) => {
      const { refreshToken, ...signedIn } = await auth.login(request.body, devices.context(request, reply));
      cookies.set(reply, refreshToken);
      return signedIn;
    },
  );

  app.post(
    '/refresh',
    {
      schema: {
        tags: ['auth'],
        response: { 200: RefreshResponseSchema, 401: ErrorBodySchema, 429: ErrorBodySchema, ...cookieErrors },
      },
      onRequest: deps.sameOrigin,
      preHandler: [
        limit('refresh-ip', env.RATE_LIMIT_REFRESH_IP, byIp),
        limit('refresh-session', env.RATE_LIMIT_REFRESH_ACCOUNT, bySession),
      ],
    },
    async (request, reply) => {
      const refreshToken = cookies.read(request);
      // No cookie at all is a guest, not a failed sign-in: the web's start-up check must not log a 401 (issue 19).
      if (!refreshToken) return { accessToken: null };
      const session = await auth
        .refresh(refreshToken, devices.context(request, reply))
        .catch((error: unknown) => {
          cookies.clear(reply);
          throw error;
        });
      cookies.set(reply, session.refreshToken);
      return { accessToken: session.accessToken };
    },
  );

  app.post(
    '/logout',
    {
      schema: { tags: ['auth'], response: { 204: z.null(), ...cookieErrors } },
      onRequest: deps.sameOrigin,
    },
    async (request, reply) => {
      await auth.logout(cookies.read(request));
      cookies.clear(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/logout-all',
    {
      schema: { tags: ['auth'], response: { 204: z.null(), 401: ErrorBodySchema } },
      preHandler: deps.authenticate,
    },
    async (request, reply) => {
      await auth.logoutEverywhere(userIdOf(request));
      cookies.clear(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/providers',
    { schema: { tags: ['auth'], response: { 200: AuthProvidersSchema } } },
    () => deps.providers,
  );
};
