import { ErrorBodySchema, FeedUrlSchema } from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import { fileResponse } from '../../http/openapi.ts';
import type { CalendarService } from './calendar.service.ts';

export interface CalendarRoutesDeps {
  calendar: CalendarService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** A members-only run's .ics is for those who may see the run. */
  identify: (request: FastifyRequest) => Promise<void>;
}

const ICS = 'text/calendar; charset=utf-8';

export const calendarRoutes: FastifyPluginAsyncZod<CalendarRoutesDeps> = async (
  app,
  { calendar, authenticate, identify },
) => {
  const tags = ['calendar'];

  app.get(
    '/runs/:runId/ics',
    {
      schema: {
        tags,
        params: z.object({ runId: z.uuid() }),
        response: {
          200: fileResponse('text/calendar', 'The run as an iCalendar file'),
          404: ErrorBodySchema,
        },
      },
      preHandler: identify,
    },
    async (req, reply) => {
      // Written before any header is set: an unknown run answers the JSON error, not an empty attachment.
      const ics = await calendar.runIcs(req.params.runId, req.userId);
      return reply
        .type(ICS)
        .header('content-disposition', `attachment; filename="erun-${req.params.runId}.ics"`)
        .send(ics);
    },
  );

  app.get(
    '/calendar/:file',
    {
      schema: {
        tags,
        params: z.object({ file: z.string().regex(/^[\w-]{16,64}\.ics$/) }),
        response: {
          200: fileResponse('text/calendar', 'Your runs, an iCalendar feed'),
          404: ErrorBodySchema,
        },
      },
    },
    async (req, reply) => {
      const ics = await calendar.feed(req.params.file.replace(/\.ics$/, ''));
      return reply.type(ICS).header('cache-control', 'private, max-age=300').send(ics);
    },
  );

  app.get(
    '/calendar/crews/:file',
    {
      schema: {
        tags,
        params: z.object({ file: z.string().regex(/^[\w-]{16,64}\.ics$/) }),
        response: {
          200: fileResponse('text/calendar', 'A crew’s runs, an iCalendar feed'),
          404: ErrorBodySchema,
        },
      },
    },
    async (req, reply) => {
      const ics = await calendar.crewFeed(req.params.file.replace(/\.ics$/, ''));
      return reply.type(ICS).header('cache-control', 'private, max-age=300').send(ics);
    },
  );

  const CrewParams = z.object({ crewId: z.uuid() });
  const crewFeed = {
    tags,
    params: CrewParams,
    response: { 200: FeedUrlSchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
  };
  app.get('/crews/:crewId/calendar', { schema: crewFeed, preHandler: authenticate }, async (req) => ({
    url: await calendar.crewFeedUrl(req.params.crewId, userIdOf(req), false),
  }));
  app.post('/crews/:crewId/calendar/rotate', { schema: crewFeed, preHandler: authenticate }, async (req) => ({
    url: await calendar.crewFeedUrl(req.params.crewId, userIdOf(req), true),
  }));

  app.get(
    '/me/calendar',
    { schema: { tags, response: { 200: FeedUrlSchema, 401: ErrorBodySchema } }, preHandler: authenticate },
    async (req) => ({ url: await calendar.feedUrl(userIdOf(req), false) }),
  );

  app.post(
    '/me/calendar/rotate',
    { schema: { tags, response: { 200: FeedUrlSchema, 401: ErrorBodySchema } }, preHandler: authenticate },
    async (req) => ({ url: await calendar.feedUrl(userIdOf(req), true) }),
  );
};
