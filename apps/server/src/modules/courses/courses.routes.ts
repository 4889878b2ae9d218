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
import { gpxDisposition, toGpx } from '../gpx/gpx.ts';
import type { CoursesService } from './courses.service.ts';

export interface CoursesRoutesDeps {
  courses: CoursesService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  identify: (request: FastifyRequest) => Promise<void>;
  publicUrl: string;
}

const Params = z.object({ courseId: z.uuid() });
const e = ErrorBodySchema;

/** Who is viewing, for the once-a-day view count: the user, or a hash of the address for a guest. */
function viewerKeyOf(request: FastifyRequest): string {
  return request.userId ?? `ip:${createHash('sha256').update(request.ip).digest('base64url').slice(0, 22)}`;
}

export const coursesRoutes: FastifyPluginAsyncZod<CoursesRoutesDeps> = async (app, deps) => {
  const { courses, authenticate, identify } = deps;
  const tags = ['courses'];

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
      preHandler: identify,
    },
    (req) => courses.list(req.query, req.userId),
  );

  app.get(
    '/courses/:courseId',
    {
      schema: { tags, params: Params, response: { 200: CourseSchema, 400: e, 404: e } },
      preHandler: identify,
    },
    (req) => courses.get(req.params.courseId, req.userId, viewerKeyOf(req)),
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

  app.get('/courses/:courseId/gpx', { schema: { tags, params: Params } }, async (req, reply) => {
    const course = await courses.get(req.params.courseId, null, null);
    const link = `${deps.publicUrl}/courses/${course.id}`;
    const body = toGpx({ name: course.title, description: course.description, link, route: course.route });
    return reply
      .type('application/gpx+xml; charset=utf-8')
      .header('content-disposition', gpxDisposition(course.title))
      .send(body);
  });
};
