import { CreateReportSchema, ErrorBodySchema, ReportCreatedSchema } from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
};
