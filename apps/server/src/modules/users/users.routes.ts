import { ErrorBodySchema, MeSchema, UpdateMeSchema } from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userIdOf } from '../../http/authenticate.ts';
import type { UsersService } from './users.service.ts';

export interface UsersRoutesDeps {
  users: UsersService;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema };

export const usersRoutes: FastifyPluginAsyncZod<UsersRoutesDeps> = async (app, { users, authenticate }) => {
  app.addHook('preHandler', authenticate);

  app.get('/me', { schema: { tags: ['users'], response: { 200: MeSchema, ...errors } } }, (request) =>
    users.getMe(userIdOf(request)),
  );

  app.patch(
    '/me',
    { schema: { tags: ['users'], body: UpdateMeSchema, response: { 200: MeSchema, ...errors } } },
    (request) => users.updateMe(userIdOf(request), request.body),
  );
};
