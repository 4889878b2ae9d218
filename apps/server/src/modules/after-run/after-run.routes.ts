import {
  AttendanceSchema,
  ErrorBodySchema,
  SaveAttendanceSchema,
  ScoreHistorySchema,
  WriteHostReviewSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { everyRouteAuthenticated, userIdOf } from '../../http/authenticate.ts';
import type { AfterRunService } from './after-run.service.ts';

export interface AfterRunRoutesDeps {
  afterRun: AfterRunService;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

const Params = z.object({ runId: z.uuid() });
const e = ErrorBodySchema;

export const afterRunRoutes: FastifyPluginAsyncZod<AfterRunRoutesDeps> = async (
  app,
  { afterRun, authenticate },
) => {
  app.addHook('onRoute', everyRouteAuthenticated(authenticate));
  const tags = ['after the run'];

  app.get(
    '/runs/:runId/attendance',
    { schema: { tags, params: Params, response: { 200: AttendanceSchema, 401: e, 403: e, 404: e } } },
    (req) => afterRun.attendance(req.params.runId, userIdOf(req)),
  );

  app.put(
    '/runs/:runId/attendance',
    {
      schema: {
        tags,
        params: Params,
        body: SaveAttendanceSchema,
        response: { 200: AttendanceSchema, 400: e, 401: e, 403: e, 404: e, 409: e },
      },
    },
    (req) => afterRun.saveAttendance(req.params.runId, userIdOf(req), req.body),
  );

  app.post(
    '/runs/:runId/host-review',
    {
      schema: {
        tags,
        params: Params,
        body: WriteHostReviewSchema,
        response: { 201: z.undefined(), 400: e, 401: e, 403: e, 404: e, 409: e },
      },
    },
    async (req, reply) => {
      await afterRun.review(req.params.runId, userIdOf(req), req.body);
      return reply.status(201).send();
    },
  );

  app.get('/me/score-history', { schema: { tags, response: { 200: ScoreHistorySchema, 401: e } } }, (req) =>
    afterRun.scoreHistory(userIdOf(req)),
  );
};
