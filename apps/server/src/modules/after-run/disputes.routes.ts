import {
  CreateDisputeSchema,
  DisputeSchema,
  ErrorBodySchema,
  EscalatedDisputesSchema,
  MyAttendanceSchema,
  ReliabilitySchema,
  ResolveDisputeSchema,
  RunDisputesSchema,
  RunReliabilitySchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { everyRouteAuthenticated, userIdOf } from '../../http/authenticate.ts';
import type { DisputesService } from './disputes.service.ts';
import type { ReliabilityService } from './reliability.service.ts';

export interface DisputesRoutesDeps {
  disputes: DisputesService;
  reliability: ReliabilityService;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

const RunParams = z.object({ runId: z.uuid() });
const RunUserParams = z.object({ runId: z.uuid(), userId: z.uuid() });
const UserParams = z.object({ userId: z.uuid() });
const e = ErrorBodySchema;

/** Fair attendance and the reliability record (issue 17). */
export const disputesRoutes: FastifyPluginAsyncZod<DisputesRoutesDeps> = async (
  app,
  { disputes, reliability, authenticate },
) => {
  app.addHook('onRoute', everyRouteAuthenticated(authenticate));
  const tags = ['after the run'];

  app.get(
    '/runs/:runId/attendance/me',
    { schema: { tags, params: RunParams, response: { 200: MyAttendanceSchema, 401: e, 404: e } } },
    (req) => disputes.mine(req.params.runId, userIdOf(req)),
  );

  app.post(
    '/runs/:runId/attendance/disputes',
    {
      schema: {
        tags,
        params: RunParams,
        body: CreateDisputeSchema,
        response: { 201: DisputeSchema, 400: e, 401: e, 403: e, 404: e, 409: e },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await disputes.open(req.params.runId, userIdOf(req), req.body)),
  );

  app.get(
    '/runs/:runId/attendance/disputes',
    { schema: { tags, params: RunParams, response: { 200: RunDisputesSchema, 401: e, 403: e, 404: e } } },
    (req) => disputes.list(req.params.runId, userIdOf(req)),
  );

  app.patch(
    '/runs/:runId/attendance/disputes/:userId',
    {
      schema: {
        tags,
        params: RunUserParams,
        body: ResolveDisputeSchema,
        response: { 200: DisputeSchema, 400: e, 401: e, 403: e, 404: e },
      },
    },
    (req) => disputes.resolve(req.params.runId, userIdOf(req), req.params.userId, req.body),
  );

  app.get(
    '/users/:userId/reliability',
    { schema: { tags, params: UserParams, response: { 200: ReliabilitySchema, 401: e, 403: e } } },
    (req) => reliability.of(req.params.userId, userIdOf(req)),
  );

  app.get(
    '/runs/:runId/reliability',
    { schema: { tags, params: RunParams, response: { 200: RunReliabilitySchema, 401: e, 403: e, 404: e } } },
    (req) => reliability.ofRun(req.params.runId, userIdOf(req)),
  );

  // The moderators' queue (issue 17): disputes a host left open for 72 h; the service checks the role.
  app.get(
    '/admin/disputes',
    { schema: { tags: ['admin'], response: { 200: EscalatedDisputesSchema, 401: e, 403: e } } },
    (req) => disputes.escalatedQueue(userIdOf(req)),
  );

  app.post(
    '/admin/disputes/:runId/:userId',
    {
      schema: {
        tags: ['admin'],
        params: RunUserParams,
        body: ResolveDisputeSchema,
        response: { 200: DisputeSchema, 400: e, 401: e, 403: e, 404: e },
      },
    },
    (req) => disputes.decideEscalated(req.params.runId, userIdOf(req), req.params.userId, req.body),
  );
};
