import {
  AuditPageSchema,
  AuditQuerySchema,
  ErrorBodySchema,
  FindUserQuerySchema,
  FoundUserSchema,
  ModerateUserSchema,
  ModerationEntrySchema,
  SetUserRoleSchema,
  UserModerationHistorySchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { ModerationService } from './moderation.service.ts';

export interface ModerationRoutesDeps {
  moderation: ModerationService;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

const tags = ['admin'];
const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const UserParams = z.object({ userId: z.uuid() });

/**
 * `/api/admin/…` (issue 17): moderators and admins act on accounts and read the audit log; roles are an admin's.
 * Who may is decided by the service from the caller's role in the database, on every call (403 NOT_MODERATOR).
 */
export const moderationRoutes: FastifyPluginAsyncZod<ModerationRoutesDeps> = async (app, deps) => {
  const { moderation, authenticate } = deps;

  app.post(
    '/admin/users/:userId/actions',
    {
      schema: {
        tags,
        params: UserParams,
        body: ModerateUserSchema,
        response: { 201: ModerationEntrySchema, ...errors },
      },
      preHandler: authenticate,
    },
    async (request, reply) =>
      reply.status(201).send(await moderation.act(userIdOf(request), request.params.userId, request.body)),
  );

  app.post(
    '/admin/users/:userId/role',
    {
      schema: {
        tags,
        params: UserParams,
        body: SetUserRoleSchema,
        response: { 201: ModerationEntrySchema, ...errors },
      },
      preHandler: authenticate,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await moderation.setRole(
            userIdOf(request),
            request.params.userId,
            request.body.role,
            request.body.reason,
          ),
        ),
  );

  app.get(
    '/admin/users/:userId/history',
    {
      schema: { tags, params: UserParams, response: { 200: UserModerationHistorySchema, ...errors } },
      preHandler: authenticate,
    },
    (request) => moderation.history(userIdOf(request), request.params.userId),
  );

  app.get(
    '/admin/users',
    {
      schema: { tags, querystring: FindUserQuerySchema, response: { 200: FoundUserSchema, ...errors } },
      preHandler: authenticate,
    },
    (request) => moderation.findByEmail(userIdOf(request), request.query.email),
  );

  app.get(
    '/admin/audit',
    {
      schema: { tags, querystring: AuditQuerySchema, response: { 200: AuditPageSchema, ...errors } },
      preHandler: authenticate,
    },
    (request) => moderation.audit(userIdOf(request), request.query.cursor, request.query.limit),
  );
};
