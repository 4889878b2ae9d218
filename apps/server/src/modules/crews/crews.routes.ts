import {
  CreateCrewSchema,
  CrewPageSchema,
  CrewSchema,
  ErrorBodySchema,
  ListCrewsQuerySchema,
  MyCrewsQuerySchema,
  MyCrewsSchema,
  UpdateCrewSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import { hotReadOptions, type ResponseCache } from '../../http/response-cache.ts';
import type { CrewsService } from './crews.service.ts';

export interface CrewsRoutesDeps {
  crews: CrewsService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  identify: (request: FastifyRequest) => Promise<void>;
  /** Per-user limit on making crews. */
  createLimit: RateLimitHook;
  /** Guests' crew list and crew pages, emptied by any write (ADR 006). */
  cache: ResponseCache;
}

const CrewParams = z.object({ crewId: z.uuid({ message: 'crewId.invalid' }) });
const e = ErrorBodySchema;

export const crewsRoutes: FastifyPluginAsyncZod<CrewsRoutesDeps> = async (app, deps) => {
  const { crews, authenticate, identify, createLimit, cache } = deps;
  const tags = ['crews'];
  // The hot reads: guests' responses cached briefly (ADR 006), bodies written by a generated serializer
  // (ADR 007). A guest's crew page is the same for every guest (viewer: null); a member's is never cached.
  const hotRead = hotReadOptions(cache, identify);

  app.post(
    '/crews',
    {
      schema: {
        tags,
        body: CreateCrewSchema,
        response: { 201: CrewSchema, 400: e, 401: e, 404: e, 409: e, 429: e },
      },
      preHandler: [authenticate, createLimit],
    },
    async (req, reply) => reply.status(201).send(await crews.create(userIdOf(req), req.body)),
  );

  app.get(
    '/crews',
    {
      schema: { tags, querystring: ListCrewsQuerySchema, response: { 200: CrewPageSchema, 400: e } },
      ...hotRead,
    },
    (req) => crews.list(req.query, req.userId),
  );

  app.get(
    '/crews/:crewId',
    {
      schema: { tags, params: CrewParams, response: { 200: CrewSchema, 400: e, 404: e } },
      ...hotRead,
    },
    (req) => crews.get(req.params.crewId, req.userId),
  );

  app.patch(
    '/crews/:crewId',
    {
      schema: {
        tags,
        params: CrewParams,
        body: UpdateCrewSchema,
        response: { 200: CrewSchema, 400: e, 401: e, 403: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    (req) => crews.update(req.params.crewId, userIdOf(req), req.body),
  );

  app.delete(
    '/crews/:crewId',
    {
      schema: { tags, params: CrewParams, response: { 204: z.null(), 401: e, 403: e, 404: e } },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await crews.remove(req.params.crewId, userIdOf(req));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/crews',
    {
      schema: { tags, querystring: MyCrewsQuerySchema, response: { 200: MyCrewsSchema, 400: e, 401: e } },
      preHandler: authenticate,
    },
    (req) => crews.mine(userIdOf(req), req.query.role === 'staff'),
  );
};
