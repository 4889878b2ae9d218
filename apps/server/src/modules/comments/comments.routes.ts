import {
  CommentPageSchema,
  CommentSchema,
  ErrorBodySchema,
  PageQuerySchema,
  WriteCommentSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import { hotReadOptions, type ResponseCache } from '../../http/response-cache.ts';
import type { CommentsService, Target } from './comments.service.ts';

export interface CommentsRoutesDeps {
  comments: CommentsService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** Accepts a guest; reads a token when one comes: members-only runs and announcements know their reader. */
  identify: (request: FastifyRequest) => Promise<void>;
  /** Per-user limit on writing; runs after authenticate. */
  writeLimit: RateLimitHook;
  cache: ResponseCache;
}

const e = ErrorBodySchema;
const targets = [
  ['runs', 'run'],
  ['courses', 'course'],
] as const;

export const commentsRoutes: FastifyPluginAsyncZod<CommentsRoutesDeps> = async (app, deps) => {
  const { comments, authenticate, identify, writeLimit, cache } = deps;
  const tags = ['comments'];
  // A run's Q&A and a course's reviews are read with every page view: the same for every reader, so guests'
  // answers are cached briefly (ADR 006) and written by a generated serializer (ADR 007).
  const hotRead = hotReadOptions(cache, identify);

  for (const [path, kind] of targets) {
    const Params = z.object({ id: z.uuid() });
    const target = (id: string): Target => ({ kind, id });
    app.get(
      `/${path}/:id/comments`,
      {
        schema: {
          tags,
          params: Params,
          querystring: PageQuerySchema,
          response: { 200: CommentPageSchema, 400: e, 404: e },
        },
        ...hotRead,
      },
      (req) => comments.list(target(req.params.id), req.query.cursor, req.query.limit, req.userId),
    );
    app.post(
      `/${path}/:id/comments`,
      {
        schema: {
          tags,
          params: Params,
          body: WriteCommentSchema,
          response: { 201: CommentSchema, 400: e, 401: e, 404: e, 429: e },
        },
        preHandler: [authenticate, writeLimit],
      },
      async (req, reply) =>
        reply.status(201).send(await comments.write(target(req.params.id), userIdOf(req), req.body.content)),
    );
  }

  // An announcement's comments are its crew's alone: each read is the caller's, never cached.
  const AnnouncementParams = z.object({ id: z.uuid() });
  const announcement = (id: string): Target => ({ kind: 'announcement', id });
  app.get(
    '/announcements/:id/comments',
    {
      schema: {
        tags,
        params: AnnouncementParams,
        querystring: PageQuerySchema,
        response: { 200: CommentPageSchema, 400: e, 403: e, 404: e },
      },
      preHandler: authenticate,
    },
    (req) => comments.list(announcement(req.params.id), req.query.cursor, req.query.limit, userIdOf(req)),
  );
  app.post(
    '/announcements/:id/comments',
    {
      schema: {
        tags,
        params: AnnouncementParams,
        body: WriteCommentSchema,
        response: { 201: CommentSchema, 400: e, 403: e, 404: e, 429: e },
      },
      preHandler: [authenticate, writeLimit],
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await comments.write(announcement(req.params.id), userIdOf(req), req.body.content)),
  );

  const CommentParams = z.object({ commentId: z.uuid() });
  app.patch(
    '/comments/:commentId',
    {
      schema: {
        tags,
        params: CommentParams,
        body: WriteCommentSchema,
        response: { 200: CommentSchema, 400: e, 401: e, 403: e, 404: e },
      },
      preHandler: [authenticate, writeLimit],
    },
    (req) => comments.edit(req.params.commentId, userIdOf(req), req.body.content),
  );
  app.delete(
    '/comments/:commentId',
    {
      schema: { tags, params: CommentParams, response: { 204: z.null(), 401: e, 403: e, 404: e } },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await comments.delete(req.params.commentId, userIdOf(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/comments/:commentId/replies',
    {
      schema: {
        tags,
        params: CommentParams,
        querystring: PageQuerySchema,
        response: { 200: CommentPageSchema, 400: e, 403: e, 404: e },
      },
      preHandler: identify,
    },
    (req) => comments.listReplies(req.params.commentId, req.query.cursor, req.query.limit, req.userId),
  );
  app.post(
    '/comments/:commentId/replies',
    {
      schema: {
        tags,
        params: CommentParams,
        body: WriteCommentSchema,
        response: { 201: CommentSchema, 400: e, 401: e, 403: e, 404: e, 429: e },
      },
      preHandler: [authenticate, writeLimit],
    },
    async (req, reply) =>
      reply.status(201).send(await comments.reply(req.params.commentId, userIdOf(req), req.body.content)),
  );
};
