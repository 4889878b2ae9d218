import {
  CancelRunSchema,
  ClaimSeatOfferResultSchema,
  CreateRunSchema,
  ErrorBodySchema,
  JoinResultSchema,
  JoinRunSchema,
  ListRunsQuerySchema,
  MovePaceGroupSchema,
  RemoveParticipantSchema,
  type RunPage,
  RunPageSchema,
  RunSchema,
  UpdateRunSchema,
  type WeatherAlert,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import { fileResponse } from '../../http/openapi.ts';
import { hotReadOptions, type ResponseCache } from '../../http/response-cache.ts';
import { gpxDisposition, toGpx } from '../../lib/gpx.ts';
import type { ParticipationService } from './participation.service.ts';
import { placeTimeOf, type RunPlaceTime, type RunsService } from './runs.service.ts';

export interface RunsRoutesDeps {
  runs: RunsService;
  participation: ParticipationService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  identify: (request: FastifyRequest) => Promise<void>;
  publicUrl: string;
  cache: ResponseCache;
  /** Each run's weather warnings from what is already known (modules/weather); absent: cards carry none. */
  weatherAlerts?: (runs: RunPlaceTime[]) => Map<string, WeatherAlert[]>;
}

const RunParams = z.object({ runId: z.uuid({ message: 'runId.invalid' }) });
const ParticipantParams = RunParams.extend({ userId: z.uuid() });
const e = ErrorBodySchema;
const noContent = z.null();

export const runsRoutes: FastifyPluginAsyncZod<RunsRoutesDeps> = async (app, deps) => {
  const { runs, participation, authenticate, identify, cache } = deps;
  // The hot reads: guests' responses cached briefly (ADR 006), a reader's own reused while nothing changed
  // (ADR 025), bodies written by a generated serializer.
  const hotRead = hotReadOptions(cache, identify, { readers: true });
  const tags = ['runs'];

  /** A page's cards with their weather warnings (issue 18), read from the forecast cache: never a call out. */
  const withWeather = (page: RunPage): RunPage => {
    if (!deps.weatherAlerts || page.items.length === 0) return page;
    const alerts = deps.weatherAlerts(page.items.map(placeTimeOf));
    if (alerts.size === 0) return page;
    return {
      ...page,
      items: page.items.map((run) => {
        const found = alerts.get(run.id);
        return found ? { ...run, weatherAlerts: found } : run;
      }),
    };
  };

  app.post(
    '/runs',
    {
      schema: {
        tags,
        body: CreateRunSchema,
        response: { 201: RunSchema, 400: e, 401: e, 403: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    async (req, reply) => reply.status(201).send(await runs.create(userIdOf(req), req.body)),
  );

  app.get(
    '/runs',
    {
      schema: { tags, querystring: ListRunsQuerySchema, response: { 200: RunPageSchema, 400: e } },
      ...hotRead,
    },
    async (req) => withWeather(await runs.list(req.query, req.userId)),
  );

  app.get(
    '/runs/:runId',
    {
      schema: { tags, params: RunParams, response: { 200: RunSchema, 400: e, 404: e } },
      ...hotRead,
    },
    (req) => runs.get(req.params.runId, req.userId),
  );

  app.patch(
    '/runs/:runId',
    {
      schema: {
        tags,
        params: RunParams,
        body: UpdateRunSchema,
        response: { 200: RunSchema, 400: e, 401: e, 403: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    (req) => runs.update(req.params.runId, userIdOf(req), req.body),
  );

  app.delete(
    '/runs/:runId',
    {
      schema: {
        tags,
        params: RunParams,
        body: CancelRunSchema.nullish(),
        response: { 204: noContent, 400: e, 401: e, 403: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await runs.cancel(req.params.runId, userIdOf(req), req.body?.reason);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/runs/:runId/participants',
    {
      schema: {
        tags,
        params: RunParams,
        body: JoinRunSchema.nullish(),
        response: { 201: JoinResultSchema, 400: e, 401: e, 403: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await participation.join(req.params.runId, userIdOf(req), req.body?.paceGroupId)),
  );

  // Pace groups (DOMAIN.md "Pace groups"): the host moves a runner, or a runner themself into a free seat.
  app.put(
    '/runs/:runId/participants/:userId/pace-group',
    {
      schema: {
        tags,
        params: ParticipantParams,
        body: MovePaceGroupSchema,
        response: { 200: JoinResultSchema, 400: e, 401: e, 403: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    (req) =>
      participation.moveToGroup(req.params.runId, userIdOf(req), req.params.userId, req.body.paceGroupId),
  );

  app.delete(
    '/runs/:runId/participants/me',
    {
      schema: { tags, params: RunParams, response: { 204: noContent, 401: e, 404: e, 409: e } },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await participation.leave(req.params.runId, userIdOf(req));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/runs/:runId/participants/:userId',
    {
      schema: {
        tags,
        params: ParticipantParams,
        body: RemoveParticipantSchema,
        response: { 204: noContent, 400: e, 401: e, 403: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await participation.remove(req.params.runId, userIdOf(req), req.params.userId, req.body.reason);
      return reply.status(204).send(null);
    },
  );

  for (const [method, on] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/runs/:runId/bookmark',
      schema: { tags, params: RunParams, response: { 204: noContent, 401: e, 404: e } },
      preHandler: authenticate,
      handler: async (req, reply) => {
        await runs.bookmark(req.params.runId, userIdOf(req), on);
        return reply.status(204).send(null);
      },
    });
  }

  app.get(
    '/runs/:runId/gpx',
    {
      schema: {
        tags,
        params: RunParams,
        response: {
          200: fileResponse('application/gpx+xml', "The run's route, GPX 1.1"),
          404: ErrorBodySchema,
        },
      },
      preHandler: identify,
    },
    async (req, reply) => {
      const run = await runs.readAs(req.params.runId, req.userId);
      const link = `${deps.publicUrl}/runs/${run.id}`;
      const body = toGpx({
        name: run.title,
        description: run.description,
        link,
        route: run.route,
        segmentStarts: run.segmentStarts,
        time: new Date(run.startsAt),
      });
      return reply
        .type('application/gpx+xml; charset=utf-8')
        .header('content-disposition', gpxDisposition(run.title))
        .send(body);
    },
  );

  // Seat offers (issue 17): the waitlisted runner offered a seat freed late claims it or gives it up.
  app.post(
    '/runs/:runId/seat-offer/claim',
    {
      schema: {
        tags,
        params: RunParams,
        response: { 200: ClaimSeatOfferResultSchema, 401: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    (req) => participation.claimSeat(req.params.runId, userIdOf(req)),
  );

  app.delete(
    '/runs/:runId/seat-offer',
    {
      schema: { tags, params: RunParams, response: { 204: noContent, 401: e, 404: e } },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await participation.declineSeat(req.params.runId, userIdOf(req));
      return reply.status(204).send(null);
    },
  );
};
