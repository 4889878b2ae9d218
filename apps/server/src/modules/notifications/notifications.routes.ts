import { ErrorBodySchema, MarkReadSchema, NotificationPageSchema, PageQuerySchema } from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { everyRouteAuthenticated, userIdOf } from '../../http/authenticate.ts';
import type { NotificationsService } from './notifications.service.ts';

export interface NotificationsRoutesDeps {
  notifications: NotificationsService;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

const e = ErrorBodySchema;

export const notificationsRoutes: FastifyPluginAsyncZod<NotificationsRoutesDeps> = async (app, deps) => {
  const { notifications, authenticate } = deps;
  app.addHook('onRoute', everyRouteAuthenticated(authenticate));
  const tags = ['notifications'];

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        querystring: PageQuerySchema,
        response: { 200: NotificationPageSchema, 400: e, 401: e },
      },
    },
    (req) => notifications.list(userIdOf(req), req.query.cursor, req.query.limit),
  );

  app.post(
    '/notifications/read',
    { schema: { tags, body: MarkReadSchema, response: { 204: z.null(), 400: e, 401: e } } },
    async (req, reply) => {
      await notifications.markRead(userIdOf(req), req.body);
      return reply.status(204).send(null);
    },
  );
};
