import {
  AnnouncementPageSchema,
  AnnouncementSchema,
  CreateAnnouncementSchema,
  ErrorBodySchema,
  PageQuerySchema,
  UpdateAnnouncementSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import type { AnnouncementsService } from './announcements.service.ts';

export interface AnnouncementsRoutesDeps {
  announcements: AnnouncementsService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** Per-user limit on writing; runs after authenticate. */
  writeLimit: RateLimitHook;
}

const e = ErrorBodySchema;
const CrewParams = z.object({ crewId: z.uuid() });
const Params = z.object({ announcementId: z.uuid() });

export const announcementsRoutes: FastifyPluginAsyncZod<AnnouncementsRoutesDeps> = async (app, deps) => {
  const { announcements, authenticate, writeLimit } = deps;
  const tags = ['announcements'];

  app.post(
    '/crews/:crewId/announcements',
    {
      schema: {
        tags,
        params: CrewParams,
        body: CreateAnnouncementSchema,
        response: { 201: AnnouncementSchema, 400: e, 403: e, 404: e, 429: e },
      },
      preHandler: [authenticate, writeLimit],
    },
    async (req, reply) =>
      reply.status(201).send(await announcements.create(req.params.crewId, userIdOf(req), req.body)),
  );
  app.get(
    '/crews/:crewId/announcements',
    {
      schema: {
        tags,
        params: CrewParams,
        querystring: PageQuerySchema,
        response: { 200: AnnouncementPageSchema, 400: e, 403: e, 404: e },
      },
      preHandler: authenticate,
    },
    (req) => announcements.list(req.params.crewId, userIdOf(req), req.query.cursor, req.query.limit),
  );
  app.get(
    '/announcements/:announcementId',
    {
      schema: { tags, params: Params, response: { 200: AnnouncementSchema, 403: e, 404: e } },
      preHandler: authenticate,
    },
    (req) => announcements.get(req.params.announcementId, userIdOf(req)),
  );
  app.patch(
    '/announcements/:announcementId',
    {
      schema: {
        tags,
        params: Params,
        body: UpdateAnnouncementSchema,
        response: { 200: AnnouncementSchema, 400: e, 403: e, 404: e, 429: e },
      },
      preHandler: [authenticate, writeLimit],
    },
    (req) => announcements.update(req.params.announcementId, userIdOf(req), req.body),
  );
  app.delete(
    '/announcements/:announcementId',
    {
      schema: { tags, params: Params, response: { 204: z.null(), 403: e, 404: e } },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await announcements.delete(req.params.announcementId, userIdOf(req));
      return reply.status(204).send(null);
    },
  );
};
