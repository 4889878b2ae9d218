import {
  ChangeEmailSchema,
  ConfirmEmailTokenSchema,
  EmailAvailabilityQuerySchema,
  EmailAvailabilitySchema,
  EmailLinkSentSchema,
  ErrorBodySchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Env } from '../../config/env.ts';
import { userIdOf } from '../../http/authenticate.ts';
import { type LimitFactory, passwordGuessLimits } from '../../http/rate-limit.ts';
import type { EmailService } from './email.service.ts';

export interface EmailRoutesDeps {
  email: EmailService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  limit: LimitFactory;
  env: Env;
}

const e = ErrorBodySchema;

/** The account's address (issue 15): verification links, change of address, 중복확인. Mounted at /api. */
export const emailRoutes: FastifyPluginAsyncZod<EmailRoutesDeps> = async (app, deps) => {
  const { email, authenticate, limit, env } = deps;
  const tags = ['auth'];
  const byIp = (r: FastifyRequest) => r.ip;

  app.post(
    '/auth/email-verification',
    {
      schema: {
        tags,
        summary: 'Mail another verification link (one a minute, five a day)',
        response: { 202: EmailLinkSentSchema, 401: e, 409: e, 429: e },
      },
      preHandler: authenticate,
    },
    async (request, reply) => reply.status(202).send(await email.resendVerification(userIdOf(request))),
  );

  app.post(
    '/auth/email-verification/confirm',
    {
      schema: {
        tags,
        summary: 'Follow a verification or change-of-address link (no sign-in needed)',
        body: ConfirmEmailTokenSchema,
        response: { 204: z.null(), 400: e, 409: e, 429: e },
      },
    },
    async (request, reply) => {
      await email.confirm(request.body.token);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/email-availability',
    {
      schema: {
        tags,
        summary: 'Whether an address may sign up (limited per IP, like sign-ups)',
        querystring: EmailAvailabilityQuerySchema,
        response: { 200: EmailAvailabilitySchema, 400: e, 429: e },
      },
      // Its own hourly allowance, and a daily one as large as the sign-up's: harvesting stays slow.
      preHandler: [
        limit('email-check-ip', env.RATE_LIMIT_EMAIL_CHECK_IP, byIp),
        limit('email-check-ip-day', env.RATE_LIMIT_SIGNUP_IP_DAY, byIp),
      ],
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return { available: await email.available(request.query.email) };
    },
  );

  app.put(
    '/me/email',
    {
      schema: {
        tags: ['users'],
        summary: 'Change the address: a link goes to the new one, which replaces the old once followed',
        body: ChangeEmailSchema,
        response: { 202: EmailLinkSentSchema, 400: e, 401: e, 409: e, 429: e },
      },
      // The current password is checked: the limits of a password check, per IP and per account.
      preHandler: [
        authenticate,
        ...passwordGuessLimits(
          limit,
          { perIp: env.RATE_LIMIT_LOGIN_IP, perAccount: env.RATE_LIMIT_LOGIN_ACCOUNT },
          (r) => (r.userId === null ? undefined : `user:${r.userId}`),
        ),
      ],
    },
    async (request, reply) =>
      reply.status(202).send(await email.requestChange(userIdOf(request), request.body)),
  );
};
