import {
  CreatedSeriesSchema,
  CreateSeriesSchema,
  ErrorBodySchema,
  SeriesPageSchema,
  UpdateSeriesSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { SeriesService } from './series.service.ts';

export interface SeriesRoutesDeps {
  series: SeriesService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  identify: (request: FastifyRequest) => Promise<void>;
}

const SeriesParams = z.object({ seriesId: z.uuid({ message: 'seriesId.invalid' }) });
const e = ErrorBodySchema;
const tags = ['series'];

/** 정기런: create (or "run again" from a run), read, edit this and following, end. */
export const seriesRoutes: FastifyPluginAsyncZod<SeriesRoutesDeps> = async (app, deps) => {
  const { series, authenticate, identify } = deps;

  app.post(
    '/series',
    {
      schema: {
        tags,
        body: CreateSeriesSchema,
        response: { 201: CreatedSeriesSchema, 400: e, 401: e, 403: e, 404: e },
      },
      preHandler: authenticate,
    },
    async (req, reply) => reply.status(201).send(await series.create(userIdOf(req), req.body)),
  );

  app.get(
    '/series/:seriesId',
    {
      schema: { tags, params: SeriesParams, response: { 200: SeriesPageSchema, 400: e, 404: e } },
      preHandler: identify,
    },
    (req) => series.get(req.params.seriesId, req.userId),
  );

  app.patch(
    '/series/:seriesId',
    {
      schema: {
        tags,
        params: SeriesParams,
        body: UpdateSeriesSchema,
        response: { 200: SeriesPageSchema, 400: e, 401: e, 403: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    (req) => series.update(req.params.seriesId, userIdOf(req), req.body),
  );

  app.delete(
    '/series/:seriesId',
    {
      schema: {
        tags,
        params: SeriesParams,
        response: { 204: z.null(), 400: e, 401: e, 403: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await series.end(req.params.seriesId, userIdOf(req));
      return reply.status(204).send(null);
    },
  );
};
