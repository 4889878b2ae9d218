import {
  CreateReportSchema,
  ErrorBodySchema,
  ModerationEntrySchema,
  ReportActionSchema,
  ReportCreatedSchema,
  ReportQueuePageSchema,
  ReportQueueQuerySchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import type { ReportsService } from './reports.service.ts';

export interface ReportsRoutesDeps {
  reports: ReportsService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** Per-user limit on reporting (RATE_LIMIT_REPORT_USER); runs after authenticate. */
  reportLimit: RateLimitHook;
}

const e = ErrorBodySchema;

export const reportsRoutes: FastifyPluginAsyncZod<ReportsRoutesDeps> = async (app, deps) => {
  const { reports, authenticate, reportLimit } = deps;
  app.post(
    '/reports',
    {
      schema: {
        tags: ['reports'],
        body: CreateReportSchema,
        response: { 201: ReportCreatedSchema, 400: e, 401: e, 404: e, 409: e, 429: e },
      },
      preHandler: [authenticate, reportLimit],
    },
    async (req, reply) => reply.status(201).send(await reports.create(userIdOf(req), req.body)),
  );

  // The report queue (/admin, and a crew's staff for their crew): the service decides who may, on every call.
  app.get(
    '/admin/reports',
    {
      schema: {
        tags: ['admin'],
        querystring: ReportQueueQuerySchema,
        response: { 200: ReportQueuePageSchema, 400: e, 401: e, 403: e },
      },
      preHandler: authenticate,
    },
    (req) => reports.queue(userIdOf(req), req.query),
  );

  app.post(
    '/admin/reports/:reportId/actions',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ reportId: z.uuid() }),
        body: ReportActionSchema,
        response: { 201: ModerationEntrySchema, 400: e, 401: e, 403: e, 404: e },
      },
      preHandler: authenticate,
    },
    async (req, reply) =>
      reply.status(201).send(await reports.act(userIdOf(req), req.params.reportId, req.body)),
  );
};
