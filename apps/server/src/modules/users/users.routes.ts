import { ErrorBodySchema, MeSchema, type Profile, ProfileSchema, UpdateMeSchema } from '@erun/contracts';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { UsersService } from './users.service.ts';

export interface UsersRoutesDeps {
  users: UsersService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  identify: (request: FastifyRequest) => Promise<void>;
  reviewCounts: (hostId: string, viewerId: string | null) => Promise<Profile['reviewCounts']>;
  badges: (userId: string) => Promise<Profile['badges']>;
}

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema };

export const usersRoutes: FastifyPluginAsyncZod<UsersRoutesDeps> = async (app, deps) => {
  const { users, authenticate } = deps;
  const UserParams = z.object({ userId: z.uuid() });

  app.get(
    '/users/:userId',
    {
      schema: {
        tags: ['users'],
        params: UserParams,
        response: { 200: ProfileSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
      },
      preHandler: deps.identify,
    },
    async (request) => {
      const { userId } = request.params;
      const [reviewCounts, badges] = await Promise.all([
        deps.reviewCounts(userId, request.userId),
        deps.badges(userId),
      ]);
      return users.profile(userId, reviewCounts, badges);
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['users'], response: { 200: MeSchema, ...errors } }, preHandler: authenticate },
    (request) => users.getMe(userIdOf(request)),
  );

  app.patch(
    '/me',
    {
      schema: { tags: ['users'], body: UpdateMeSchema, response: { 200: MeSchema, ...errors } },
      preHandler: authenticate,
    },
    (request) => users.updateMe(userIdOf(request), request.body),
  );
};
