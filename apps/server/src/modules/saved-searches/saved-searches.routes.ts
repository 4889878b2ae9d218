import {
  CreateSavedSearchSchema,
  ErrorBodySchema,
  SavedSearchListSchema,
  SavedSearchSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import type { SavedSearchesService } from './saved-searches.service.ts';

export interface SavedSearchesRoutesDeps {
  savedSearches: SavedSearchesService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  writeLimit: RateLimitHook;
}

const e = ErrorBodySchema;
const tags = ['me'];
const Params = z.object({ savedSearchId: z.uuid() });

/** `/api/me/saved-searches`: the signed-in user's saved `/runs` filters, theirs alone. */
export const savedSearchesRoutes: FastifyPluginAsyncZod<SavedSearchesRoutesDeps> = async (app, deps) => {
  const { savedSearches, authenticate, writeLimit } = deps;

  app.get(
    '/me/saved-searches',
    { schema: { tags, response: { 200: SavedSearchListSchema, 401: e } }, preHandler: authenticate },
    (req) => savedSearches.list(userIdOf(req)),
  );
  app.post(
    '/me/saved-searches',
    {
      schema: {
        tags,
        body: CreateSavedSearchSchema,
        response: { 201: SavedSearchSchema, 400: e, 401: e, 409: e, 429: e },
      },
      preHandler: [authenticate, writeLimit],
    },
    async (req, reply) => reply.status(201).send(await savedSearches.create(userIdOf(req), req.body)),
  );
  app.delete(
    '/me/saved-searches/:savedSearchId',
    {
      schema: { tags, params: Params, response: { 204: z.null(), 400: e, 401: e, 404: e, 429: e } },
      preHandler: [authenticate, writeLimit],
    },
    async (req, reply) => {
      await savedSearches.remove(userIdOf(req), req.params.savedSearchId);
      return reply.status(204).send(null);
    },
  );
};
