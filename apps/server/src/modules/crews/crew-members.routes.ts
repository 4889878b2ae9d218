import {
  CrewInviteSchema,
  CrewMemberPageSchema,
  CrewMemberSchema,
  CrewMembersQuerySchema,
  ErrorBodySchema,
  JoinCrewResultSchema,
  JoinCrewSchema,
  MyCrewMembershipSchema,
  RemoveCrewMemberSchema,
  UpdateCrewMemberSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import type { CrewMembersService } from './crew-members.service.ts';

export interface CrewMembersRoutesDeps {
  crewMembers: CrewMembersService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** Per-user limit on asking to join and on making invite links; runs after authenticate. */
  writeLimit: RateLimitHook;
}

const e = ErrorBodySchema;
const Crew = z.object({ crewId: z.uuid() });
const Member = Crew.extend({ userId: z.uuid() });

/** Crew membership: join, lists, decisions, roles, leave and the invite link (every rule in the service). */
export const crewMembersRoutes: FastifyPluginAsyncZod<CrewMembersRoutesDeps> = async (app, deps) => {
  const { crewMembers, authenticate, writeLimit } = deps;
  const tags = ['crews'];
  const base = '/crews/:crewId/members';

  app.post(
    base,
    {
      schema: {
        tags,
        params: Crew,
        body: JoinCrewSchema,
        response: { 201: JoinCrewResultSchema, 400: e, 401: e, 403: e, 404: e, 409: e, 429: e },
      },
      preHandler: [authenticate, writeLimit],
    },
    async (req, reply) =>
      reply.status(201).send(await crewMembers.join(req.params.crewId, userIdOf(req), req.body)),
  );
  app.get(
    base,
    {
      schema: {
        tags,
        params: Crew,
        querystring: CrewMembersQuerySchema,
        response: { 200: CrewMemberPageSchema, 400: e, 401: e, 403: e, 404: e },
      },
      preHandler: authenticate,
    },
    (req) => crewMembers.list(req.params.crewId, userIdOf(req), req.query),
  );
  app.get(
    `${base}/me`,
    {
      schema: { tags, params: Crew, response: { 200: MyCrewMembershipSchema, 401: e, 404: e } },
      preHandler: authenticate,
    },
    (req) => crewMembers.me(req.params.crewId, userIdOf(req)),
  );
  app.delete(
    `${base}/me`,
    {
      schema: { tags, params: Crew, response: { 204: z.null(), 401: e, 404: e, 409: e } },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await crewMembers.leave(req.params.crewId, userIdOf(req));
      return reply.status(204).send(null);
    },
  );
  app.patch(
    `${base}/:userId`,
    {
      schema: {
        tags,
        params: Member,
        body: UpdateCrewMemberSchema,
        response: { 200: CrewMemberSchema, 400: e, 401: e, 403: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    (req) => crewMembers.update(req.params.crewId, userIdOf(req), req.params.userId, req.body),
  );
  app.delete(
    `${base}/:userId`,
    {
      schema: {
        tags,
        params: Member,
        body: RemoveCrewMemberSchema.nullish(),
        response: { 204: z.null(), 400: e, 401: e, 403: e, 404: e },
      },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await crewMembers.remove(req.params.crewId, userIdOf(req), req.params.userId, req.body ?? {});
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/crews/:crewId/invite',
    {
      schema: {
        tags,
        params: Crew,
        response: { 201: CrewInviteSchema, 401: e, 403: e, 404: e, 429: e },
      },
      preHandler: [authenticate, writeLimit],
    },
    async (req, reply) =>
      reply.status(201).send(await crewMembers.createInvite(req.params.crewId, userIdOf(req))),
  );
};
