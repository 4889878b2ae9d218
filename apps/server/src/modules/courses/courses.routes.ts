import { createHash } from 'node:crypto';
import {
  CoursePageSchema,
  CourseSchema,
  CreateCourseSchema,
  ErrorBodySchema,
  ListCoursesQuerySchema,
  RateCourseSchema,
  RatingResultSchema,
  UpdateCourseSchema,
} from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import { fastSerializerCompiler } from '../../http/fast-serializer.ts';
import { fileResponse } from '../../http/openapi.ts';
import type { ResponseCache } from '../../http/response-cache.ts';
import { gpxDisposition, toGpx } from '../../lib/gpx.ts';
import type { CoursesService } from './courses.service.ts';

export interface CoursesRoutesDeps {
  courses: CoursesService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  identify: (request: FastifyRequest) => Promise<void>;
  publicUrl: string;
  cache: ResponseCache;
}

const Params = z.object({ courseId: z.uuid() });
const e = ErrorBodySchema;

/** Who is viewing, for the once-a-day view count: the user, or a hash of the address for a guest. */
function viewerKeyOf(request: FastifyRequest): string {
  return request.userId ?? `ip:${createHash('sha256').update(request.ip).digest('base64url').slice(0, 22)}`;
}

export const coursesRoutes: FastifyPluginAsyncZod<CoursesRoutesDeps> = async (app, deps) => {
  const { courses, authenticate, identify, cache } = deps;
  const tags = ['courses'];
  // The hot reads: guests' responses cached briefly (ADR 006), bodies written by a generated serializer.
  const hotRead = {
    onSend: cache.onSend,
    onResponse: cache.release,
    onRequestAbort: cache.release,
    serializerCompiler: fastSerializerCompiler,
    preHandler: identify,
  };
  // A guest's view counts before the cache may answer: a cached page is still a view.
  const countGuestView = async (request: FastifyRequest) => {
    if (request.headers.authorization !== undefined) return;
    const params = Params.safeParse(request.params);
    if (params.success) await courses.countGuestView(params.data.courseId, viewerKeyOf(request));
  };

  app.post(
    '/courses',
    {
      schema: {
        tags,
        body: CreateCourseSchema,
        response: { 201: CourseSchema, 400: e, 401: e, 404: e, 409: e },
      },
      preHandler: authenticate,
    },
    async (req, reply) => reply.status(201).send(await courses.create(userIdOf(req), req.body)),
  );

  app.get(
    '/courses',
    {
      schema: { tags, querystring: ListCoursesQuerySchema, response: { 200: CoursePageSchema, 400: e } },
      onRequest: cache.onRequest,
      ...hotRead,
    },
    (req) => courses.list(req.query, req.userId),
  );

  app.get(
    '/courses/:courseId',
    {
      schema: { tags, params: Params, response: { 200: CourseSchema, 400: e, 404: e } },
      onRequest: [countGuestView, cache.onRequest],
      ...hotRead,
    },
    // Guests were counted on the way in; a signed-in reader (or a stale token, read as a guest) here.
    (req) => {
      const counted = req.headers.authorization === undefined;
      return courses.get(req.params.courseId, req.userId, counted ? null : viewerKeyOf(req));
    },
  );

  app.patch(
    '/courses/:courseId',
    {
      schema: {
        tags,
        params: Params,
        body: UpdateCourseSchema,
        response: { 200: CourseSchema, 400: e, 401: e, 403: e, 404: e },
      },
      preHandler: authenticate,
    },
    (req) => courses.update(req.params.courseId, userIdOf(req), req.body),
  );

  app.delete(
    '/courses/:courseId',
    {
      schema: { tags, params: Params, response: { 204: z.null(), 401: e, 403: e, 404: e } },
      preHandler: authenticate,
    },
    async (req, reply) => {
      await courses.delete(req.params.courseId, userIdOf(req));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/courses/:courseId/rating',
    {
      schema: {
        tags,
        params: Params,
        body: RateCourseSchema,
        response: { 200: RatingResultSchema, 400: e, 401: e, 403: e, 404: e },
      },
      preHandler: authenticate,
    },
    (req) => courses.rate(req.params.courseId, userIdOf(req), req.body.stars),
  );

  for (const [method, on] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/courses/:courseId/bookmark',
      schema: { tags, params: Params, response: { 204: z.null(), 401: e, 404: e } },
      preHandler: authenticate,
      handler: async (req, reply) => {
        await courses.bookmark(req.params.courseId, userIdOf(req), on);
        return reply.status(204).send(null);
      },
    });
  }

  app.get(
    '/courses/:courseId/gpx',
    {
      schema: {
        tags,
        params: Params,
        response: { 200: fileResponse('application/gpx+xml', "The course's route, GPX 1.1"), 404: e },
      },
    },
    async (req, reply) => {
      const course = await courses.get(req.params.courseId, null, null);
      const link = `${deps.publicUrl}/courses/${course.id}`;
      const body = toGpx({
        name: course.title,
        description: course.description,
        link,
        route: course.route,
        segmentStarts: course.segmentStarts,
      });
      return reply
        .type('application/gpx+xml; charset=utf-8')
        .header('content-disposition', gpxDisposition(course.title))
        .send(body);
    },
  );
};
