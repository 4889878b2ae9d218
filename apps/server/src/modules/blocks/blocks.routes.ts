import { BlockPageSchema, BlockStateSchema, ErrorBodySchema, PageQuerySchema } from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import type { BlocksService } from './blocks.service.ts';

export interface BlocksRoutesDeps {
  blocks: BlocksService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** Blocking and unblocking are personal writes: limited per user like the others. */
  writeLimit: RateLimitHook;
}

const e = ErrorBodySchema;
const tags = ['me'];
const Params = z.object({ userId: z.uuid() });

/** `/api/me/blocks`: the signed-in user's blocks, theirs alone (never cached, never shown to anyone else). */
export const blocksRoutes: FastifyPluginAsyncZod<BlocksRoutesDeps> = async (app, deps) => {
  const { blocks, authenticate, writeLimit } = deps;

  app.get(
    '/me/blocks',
    {
      schema: { tags, querystring: PageQuerySchema, response: { 200: BlockPageSchema, 400: e, 401: e } },
      preHandler: authenticate,
    },
    (req) => blocks.list(userIdOf(req), req.query.cursor, req.query.limit),
  );
  app.get(
    '/me/blocks/:userId',
    {
      schema: { tags, params: Params, response: { 200: BlockStateSchema, 400: e, 401: e } },
      preHandler: authenticate,
    },
    (req) => blocks.state(userIdOf(req), req.params.userId),
  );
  app.put(
    '/me/blocks/:userId',
    {
      schema: { tags, params: Params, response: { 204: z.null(), 400: e, 401: e, 404: e, 429: e } },
      preHandler: [authenticate, writeLimit],
    },
    async (req, reply) => {
      await blocks.block(userIdOf(req), req.params.userId);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/me/blocks/:userId',
    {
      schema: { tags, params: Params, response: { 204: z.null(), 400: e, 401: e, 429: e } },
      preHandler: [authenticate, writeLimit],
    },
    async (req, reply) => {
      await blocks.unblock(userIdOf(req), req.params.userId);
      return reply.status(204).send(null);
    },
  );
};
