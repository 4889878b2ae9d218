import {
  ErrorBodySchema,
  PhoneStatusSchema,
  PhoneVerificationConfirmSchema,
  PhoneVerificationRequestSchema,
  PhoneVerificationSentSchema,
  SmsConsentSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { everyRouteAuthenticated, userIdOf } from '../../http/authenticate.ts';
import type { PhoneService } from './phone.service.ts';

export interface PhoneRoutesDeps {
  phone: PhoneService;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

const e = ErrorBodySchema;

export const phoneRoutes: FastifyPluginAsyncZod<PhoneRoutesDeps> = async (app, { phone, authenticate }) => {
  app.addHook('onRoute', everyRouteAuthenticated(authenticate));
  const tags = ['phone'];

  app.post(
    '/me/phone/verification',
    {
      schema: {
        tags,
        summary: 'Text a 6-digit code to the number (valid 3 minutes)',
        body: PhoneVerificationRequestSchema,
        response: { 202: PhoneVerificationSentSchema, 400: e, 401: e, 429: e, 503: e },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await phone.requestCode(userIdOf(req), req.body.phone, req.ip)),
  );

  app.post(
    '/me/phone/verification/confirm',
    {
      schema: {
        tags,
        body: PhoneVerificationConfirmSchema,
        response: { 200: PhoneStatusSchema, 400: e, 401: e, 409: e },
      },
    },
    (req) => phone.confirm(userIdOf(req), req.body.phone, req.body.code),
  );

  app.delete('/me/phone', { schema: { tags, response: { 204: z.null(), 401: e } } }, async (req, reply) => {
    await phone.remove(userIdOf(req));
    return reply.status(204).send(null);
  });

  app.put(
    '/me/sms-consent',
    {
      schema: { tags, body: SmsConsentSchema, response: { 200: PhoneStatusSchema, 400: e, 401: e, 409: e } },
    },
    (req) => phone.setConsent(userIdOf(req), req.body.consent),
  );
};
