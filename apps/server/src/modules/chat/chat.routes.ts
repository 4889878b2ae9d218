import {
  ChatKindSchema,
  ChatListSchema,
  ChatMembersSchema,
  ChatMessageSchema,
  ChatPageQuerySchema,
  ChatPageSchema,
  ErrorBodySchema,
  MuteChatSchema,
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
const RunParams = z.object({ runId: z.uuid() });
const CrewParams = z.object({ crewId: z.uuid() });
const ChatParams = z.object({ kind: ChatKindSchema, id: z.uuid() });
const PinParams = ChatParams.extend({ messageId: z.uuid() });

/**
 * Group chats. A run's: for its host, co-hosts and joined participants; anyone else gets 404 like a missing
 * run. A crew's: for its members; others 403 NOT_CREW_MEMBER, a missing crew 404 CREW_NOT_FOUND.
 */
export const chatRoutes: FastifyPluginAsyncZod<ChatRoutesDeps> = async (app, deps) => {
  const { chat, authenticate, sendLimit } = deps;
  const tags = ['chat'];
  const pageDescription = 'Newest first; nextCursor pages to older messages. lastReadAt is my read marker.';

  app.get(
    '/runs/:runId/messages',
    {
      schema: {
        tags,
        description: pageDescription,
        params: RunParams,
        querystring: ChatPageQuerySchema,
        response: { 200: ChatPageSchema, 400: e, 401: e, 404: e },
      },
      preHandler: authenticate,
    },
    (req) => chat.list('run', req.params.runId, userIdOf(req), req.query.cursor, req.query.limit),
  );
  app.post(
    '/runs/:runId/messages',
    {
      schema: {
        tags,
        params: RunParams,
        body: SendChatMessageSchema,
        response: { 201: ChatMessageSchema, 400: e, 401: e, 404: e, 409: e, 429: e },
      },
      preHandler: [authenticate, sendLimit],
    },
    async (req, reply) =>
      reply.status(201).send(await chat.send('run', req.params.runId, userIdOf(req), req.body.content)),
  );
  app.post(
    '/runs/:runId/messages/read',
    {
      schema: { tags, params: RunParams, response: { 204: z.null(), 401: e, 404: e } },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await chat.markRead('run', req.params.runId, userIdOf(req));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/crews/:crewId/chat/messages',
    {
      schema: {
        tags,
        description: pageDescription,
        params: CrewParams,
        querystring: ChatPageQuerySchema,
        response: { 200: ChatPageSchema, 400: e, 401: e, 403: e, 404: e },
      },
      preHandler: authenticate,
    },
    (req) => chat.list('crew', req.params.crewId, userIdOf(req), req.query.cursor, req.query.limit),
  );
  app.post(
    '/crews/:crewId/chat/messages',
    {
      schema: {
        tags,
        params: CrewParams,
        body: SendChatMessageSchema,
        response: { 201: ChatMessageSchema, 400: e, 401: e, 403: e, 404: e, 429: e },
      },
      preHandler: [authenticate, sendLimit],
    },
    async (req, reply) =>
      reply.status(201).send(await chat.send('crew', req.params.crewId, userIdOf(req), req.body.content)),
  );
  app.post(
    '/crews/:crewId/chat/read',
    {
      schema: { tags, params: CrewParams, response: { 204: z.null(), 401: e, 403: e, 404: e } },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await chat.markRead('crew', req.params.crewId, userIdOf(req));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/chats/:kind/:id/mute',
    {
      schema: {
        tags,
        description: 'Mute (or unmute) the pushes of new messages in this chat; @mentions still notify.',
        params: ChatParams,
        body: MuteChatSchema,
        response: { 204: z.null(), 400: e, 401: e, 403: e, 404: e },
      },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await chat.setMuted(req.params.kind, req.params.id, userIdOf(req), req.body.muted);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/chats/:kind/:id/members',
    {
      schema: {
        tags,
        description: 'The members of the chat, for @mention suggestions.',
        params: ChatParams,
        response: { 200: ChatMembersSchema, 400: e, 401: e, 403: e, 404: e },
      },
      preHandler: authenticate,
    },
    (req) => chat.members(req.params.kind, req.params.id, userIdOf(req)),
  );
  for (const [method, pinned] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/chats/:kind/:id/messages/:messageId/pin',
      schema: {
        tags,
        description: pinned
          ? "Pin the message as the chat's notice (the run's host or co-hosts, the crew's staff)."
          : 'Unpin the message.',
        params: PinParams,
        response: { 204: z.null(), 400: e, 401: e, 403: e, 404: e },
      },
      preHandler: authenticate,
      handler: async (req, reply) => {
        const { kind, id, messageId } = req.params;
        await chat.pin(kind, id, userIdOf(req), messageId, pinned);
        return reply.status(204).send(null);
      },
    });
  }

  app.get(
    '/me/chats',
    { schema: { tags, response: { 200: ChatListSchema, 401: e } }, preHandler: authenticate },
    (req) => chat.chats(userIdOf(req)),
  );
};
