import { AcceptConsentsSchema, ConsentStateSchema, ErrorBodySchema } from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import type { ConsentsService } from './consents.service.ts';

export interface ConsentsRoutesDeps {
  consents: ConsentsService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** Each call appends rows: limited per user like other writes. */
  writeLimit: RateLimitHook;
}

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 429: ErrorBodySchema };

export const consentsRoutes: FastifyPluginAsyncZod<ConsentsRoutesDeps> = async (app, deps) => {
  const { consents, authenticate } = deps;

  app.get(
    '/me/consents',
    { schema: { tags: ['me'], response: { 200: ConsentStateSchema, ...errors } }, preHandler: authenticate },
    (request) => consents.state(userIdOf(request)),
  );

  app.post(
    '/me/consents',
    {
      schema: {
        tags: ['me'],
        body: AcceptConsentsSchema,
        response: { 200: ConsentStateSchema, ...errors },
      },
      preHandler: [authenticate, deps.writeLimit],
    },
    (request) => consents.accept(userIdOf(request), request.body),
  );
};
