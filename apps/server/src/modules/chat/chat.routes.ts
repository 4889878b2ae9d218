import {
  ChatListSchema,
  ChatMessageSchema,
  ChatPageQuerySchema,
  ChatPageSchema,
  ErrorBodySchema,
  SendChatMessageSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import type { ChatService } from './chat.service.ts';

export interface ChatRoutesDeps {
  chat: ChatService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** Per-user limit on sending; runs after authenticate. */
  sendLimit: RateLimitHook;
}

const e = ErrorBodySchema;
const Params = z.object({ runId: z.uuid() });

/** A run's group chat, for its host and joined participants; anyone else gets 404 like a missing run. */
export const chatRoutes: FastifyPluginAsyncZod<ChatRoutesDeps> = async (app, deps) => {
  const { chat, authenticate, sendLimit } = deps;
  const tags = ['chat'];

  app.get(
    '/runs/:runId/messages',
    {
      schema: {
        tags,
        description: 'Newest first; nextCursor pages to older messages. lastReadAt is my read marker.',
        params: Params,
        querystring: ChatPageQuerySchema,
        response: { 200: ChatPageSchema, 400: e, 401: e, 404: e },
      },
      preHandler: authenticate,
    },
    (req) => chat.list(req.params.runId, userIdOf(req), req.query.cursor, req.query.limit),
  );
  app.post(
    '/runs/:runId/messages',
    {
      schema: {
        tags,
        params: Params,
        body: SendChatMessageSchema,
        response: { 201: ChatMessageSchema, 400: e, 401: e, 404: e, 409: e, 429: e },
      },
      preHandler: [authenticate, sendLimit],
    },
    async (req, reply) =>
      reply.status(201).send(await chat.send(req.params.runId, userIdOf(req), req.body.content)),
  );
  app.post(
    '/runs/:runId/messages/read',
    {
      schema: { tags, params: Params, response: { 204: z.null(), 401: e, 404: e } },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await chat.markRead(req.params.runId, userIdOf(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/me/chats',
    { schema: { tags, response: { 200: ChatListSchema, 401: e } }, preHandler: authenticate },
    (req) => chat.chats(userIdOf(req)),
  );
};
