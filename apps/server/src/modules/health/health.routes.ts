import { ErrorBodySchema, StatusSchema } from '@erun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ ping: () => Promise<void> }> = async (app, { ping }) => {
  app.get('/health', { schema: { tags: ['health'], response: { 200: StatusSchema } } }, () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/ready',
    { schema: { tags: ['health'], response: { 200: StatusSchema, 503: ErrorBodySchema } } },
    async () => {
      await ping().catch(() => {
        throw new AppError(503, 'SERVICE_UNAVAILABLE', 'Database unreachable');
      });
      return { status: 'ok' as const };
    },
  );
};
