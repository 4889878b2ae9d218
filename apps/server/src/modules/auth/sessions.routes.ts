import { ErrorBodySchema, SessionListSchema, SessionParamsSchema } from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionIdOf, userIdOf } from '../../http/authenticate.ts';
import type { SessionsService } from './sessions.service.ts';

export interface SessionsRoutesDeps {
  sessions: SessionsService;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

/** `/api/me/sessions`: where my account is signed in, and signing any of those devices out (issue 15). */
export const sessionsRoutes: FastifyPluginAsyncZod<SessionsRoutesDeps> = async (app, deps) => {
  const { sessions, authenticate } = deps;

  app.get(
    '/me/sessions',
    { schema: { tags: ['me'], response: { 200: SessionListSchema } }, preHandler: authenticate },
    (request) => sessions.list(userIdOf(request), sessionIdOf(request)),
  );

  app.delete(
    '/me/sessions/:sessionId',
    {
      schema: {
        tags: ['me'],
        params: SessionParamsSchema,
        response: { 204: z.null(), 400: ErrorBodySchema, 404: ErrorBodySchema },
      },
      preHandler: authenticate,
    },
    async (request, reply) => {
      await sessions.revoke(userIdOf(request), request.params.sessionId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/me/sessions',
    { schema: { tags: ['me'], response: { 204: z.null() } }, preHandler: authenticate },
    async (request, reply) => {
      await sessions.revokeOthers(userIdOf(request), sessionIdOf(request));
      return reply.status(204).send(null);
    },
  );
};
