import {
  ErrorBodySchema,
  NotificationPreferencesSchema,
  PushPublicKeySchema,
  PushSubscriptionSchema,
  PushUnsubscribeSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { DeliveriesService } from './deliveries.service.ts';

export interface DeliveriesRoutesDeps {
  deliveries: DeliveriesService;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

const e = ErrorBodySchema;

export const deliveriesRoutes: FastifyPluginAsyncZod<DeliveriesRoutesDeps> = async (app, deps) => {
  const { deliveries, authenticate } = deps;
  const tags = ['notifications'];

  app.get('/push/public-key', { schema: { tags, response: { 200: PushPublicKeySchema, 503: e } } }, () =>
    deliveries.publicKey(),
  );

  app.get(
    '/me/notification-preferences',
    { schema: { tags, response: { 200: NotificationPreferencesSchema, 401: e } }, preHandler: authenticate },
    (req) => deliveries.preferences(userIdOf(req)),
  );

  app.put(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        body: NotificationPreferencesSchema,
        response: { 200: NotificationPreferencesSchema, 400: e, 401: e },
      },
      preHandler: authenticate,
    },
    (req) => deliveries.setPreferences(userIdOf(req), req.body),
  );

  app.post(
    '/me/push-subscriptions',
    {
      schema: {
        tags,
        body: PushSubscriptionSchema,
        response: { 204: z.null(), 400: e, 401: e, 409: e, 503: e },
      },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await deliveries.subscribe(userIdOf(req), req.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/me/push-subscriptions',
    {
      schema: { tags, body: PushUnsubscribeSchema, response: { 204: z.null(), 400: e, 401: e } },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await deliveries.unsubscribe(userIdOf(req), req.body.endpoint);
      return reply.status(204).send(null);
    },
  );
};
