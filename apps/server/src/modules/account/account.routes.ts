import {
  BadgeListSchema,
  DeleteAccountSchema,
  ErrorBodySchema,
  MeRunsQuerySchema,
  MyRunPageSchema,
  MyStatsSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import { fileResponse } from '../../http/openapi.ts';
import type { SessionCookies } from '../auth/index.ts';
import type { BadgesService } from '../badges/badges.service.ts';
import type { RunsService } from '../runs/runs.service.ts';
import type { AccountService } from './account.service.ts';

export interface AccountRoutesDeps {
  account: AccountService;
  runs: RunsService;
  badges: BadgesService;
  cookies: SessionCookies;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** The password re-check before deleting is limited like a login (run after authenticate). */
  passwordLimits: RateLimitHook[];
  now: () => Date;
}

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema };

/** The signed-in user's own pages: my runs, stats, badges, data export and account deletion. */
export const accountRoutes: FastifyPluginAsyncZod<AccountRoutesDeps> = async (app, deps) => {
  const { account, authenticate } = deps;

  app.get(
    '/me/runs',
    {
      schema: { tags: ['me'], querystring: MeRunsQuerySchema, response: { 200: MyRunPageSchema, ...errors } },
      preHandler: authenticate,
    },
    (request) => deps.runs.mine(userIdOf(request), request.query),
  );

  app.get(
    '/me/stats',
    { schema: { tags: ['me'], response: { 200: MyStatsSchema, ...errors } }, preHandler: authenticate },
    (request) => account.stats(userIdOf(request)),
  );

  app.get(
    '/me/badges',
    { schema: { tags: ['me'], response: { 200: BadgeListSchema, ...errors } }, preHandler: authenticate },
    (request) => deps.badges.list(userIdOf(request)),
  );

  const exportResponse = fileResponse(
    'application/json',
    'Everything the service keeps about you, as a JSON attachment',
    z.record(z.string(), z.unknown()),
  );
  app.get(
    '/me/export',
    { schema: { tags: ['me'], response: { 200: exportResponse } }, preHandler: authenticate },
    async (request, reply) => {
      const data = await account.export(userIdOf(request));
      const day = new Date(deps.now().getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="erun-export-${day}.json"`)
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.delete(
    '/me',
    {
      schema: {
        tags: ['me'],
        body: DeleteAccountSchema,
        response: { 204: z.null(), ...errors, 429: ErrorBodySchema },
      },
      preHandler: [authenticate, ...deps.passwordLimits],
    },
    async (request, reply) => {
      await account.deleteAccount(userIdOf(request), request.body);
      deps.cookies.clear(reply);
      return reply.status(204).send(null);
    },
  );
};
