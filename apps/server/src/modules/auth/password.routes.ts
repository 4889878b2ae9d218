import {
  AuthResponseSchema,
  ChangePasswordSchema,
  ErrorBodySchema,
  PasswordResetConfirmSchema,
  PasswordResetPhoneConfirmSchema,
  PasswordResetPhoneRequestSchema,
  PasswordResetPhoneSentSchema,
  PasswordResetRequestedSchema,
  PasswordResetRequestSchema,
} from '@erun/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Env } from '../../config/env.ts';
import { sessionIdOf, userIdOf } from '../../http/authenticate.ts';
import { type LimitFactory, passwordGuessLimits } from '../../http/rate-limit.ts';
import type { SignedIn } from './auth.service.ts';
import type { DeviceCookies } from './device-cookie.ts';
import type { PasswordService } from './password.service.ts';
import type { SessionCookies } from './session-cookie.ts';
import type { RequestContext } from './sessions.service.ts';

export interface PasswordRoutesDeps {
  password: PasswordService;
  cookies: SessionCookies;
  /** A reset signs in like login: the session records where from. */
  devices: DeviceCookies;
  authenticate: (request: FastifyRequest) => Promise<void>;
  limit: LimitFactory;
  env: Env;
}

const e = ErrorBodySchema;
const tags = ['auth'];
const ONE_A_MINUTE = { max: 1, windowMs: 60_000 };

/** Reset by mail or text (`/api/auth/password-reset…`) and change (`PUT /api/me/password`), issue 15. */
export const passwordRoutes: FastifyPluginAsyncZod<PasswordRoutesDeps> = async (app, deps) => {
  const { password, cookies, env, limit } = deps;
  const byIp = (r: FastifyRequest) => r.ip;
  const bodyKey = (field: 'email' | 'phone') => (r: FastifyRequest) => {
    const value = (r.body as Record<string, unknown> | undefined)?.[field];
    return typeof value === 'string' ? `${field}:${value}` : undefined;
  };
  // Counted whatever the address or number, so a refusal says nothing about an account.
  const confirmLimit = limit('reset-confirm-ip', env.RATE_LIMIT_LOGIN_IP, byIp);
  /** A confirmed reset signs in like login: the session records the device, the refresh token its cookie. */
  const signIn = async (
    req: FastifyRequest,
    reply: FastifyReply,
    confirm: (context: RequestContext) => Promise<SignedIn>,
  ) => {
    const { refreshToken, ...signedIn } = await confirm(deps.devices.context(req, reply));
    cookies.set(reply, refreshToken);
    return signedIn;
  };

  app.post(
    '/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Mail a reset link (valid 30 minutes) to a verified address; 202 whatever the address',
        body: PasswordResetRequestSchema,
        response: { 202: PasswordResetRequestedSchema, 400: e, 429: e },
      },
      preHandler: [
        limit('reset-ip', env.RATE_LIMIT_RESET_IP, byIp),
        limit('reset-email', env.RATE_LIMIT_RESET_EMAIL, bodyKey('email')),
      ],
    },
    async (req, reply) => reply.status(202).send(await password.requestByEmail(req.body.email)),
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      schema: {
        tags,
        body: PasswordResetConfirmSchema,
        response: { 200: AuthResponseSchema, 400: e, 429: e },
      },
      preHandler: confirmLimit,
    },
    async (req, reply) => signIn(req, reply, (context) => password.confirmByEmail(req.body, context)),
  );

  app.post(
    '/auth/password-reset/phone',
    {
      schema: {
        tags,
        summary: "Text a reset code to an account's verified number; 202 whatever the number",
        body: PasswordResetPhoneRequestSchema,
        response: { 202: PasswordResetPhoneSentSchema, 400: e, 429: e },
      },
      preHandler: [
        limit('reset-phone-ip', env.RATE_LIMIT_RESET_IP, byIp),
        // Every request counts against the day, those refused by the minute's pause too.
        limit('reset-phone', env.RATE_LIMIT_RESET_PHONE, bodyKey('phone')),
        limit('reset-phone-minute', ONE_A_MINUTE, bodyKey('phone')),
      ],
    },
    async (req, reply) => reply.status(202).send(await password.requestByPhone(req.body.phone, req.ip)),
  );

  app.post(
    '/auth/password-reset/phone/confirm',
    {
      schema: {
        tags,
        body: PasswordResetPhoneConfirmSchema,
        response: { 200: AuthResponseSchema, 400: e, 409: e, 429: e },
      },
      preHandler: confirmLimit,
    },
    async (req, reply) => signIn(req, reply, (context) => password.confirmByPhone(req.body, context)),
  );

  app.put(
    '/me/password',
    {
      schema: {
        tags,
        summary: 'Change (or, without one, set) the password; signs out every other session',
        body: ChangePasswordSchema,
        response: { 204: z.null(), 400: e, 401: e, 429: e },
      },
      preHandler: [
        deps.authenticate,
        ...passwordGuessLimits(
          limit,
          { perIp: env.RATE_LIMIT_LOGIN_IP, perAccount: env.RATE_LIMIT_LOGIN_ACCOUNT },
          (r) => (r.userId === null ? undefined : `user:${r.userId}`),
        ),
      ],
    },
    async (req, reply) => {
      // Every other session is signed out; the caller's goes on. A token without a session id continues on a
      // new one (the cookie is for /api/auth).
      const fresh = await password.change(userIdOf(req), sessionIdOf(req), req.body, {
        ip: req.ip,
        userAgent: (req.headers['user-agent'] ?? '').slice(0, 300),
        deviceId: null,
      });
      if (fresh) cookies.set(reply, fresh.refreshToken);
      return reply.status(204).send(null);
    },
  );
};
