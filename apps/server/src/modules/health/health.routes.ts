import { ErrorBodySchema, ReadySchema, StatusSchema } from '@erun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.ts';

export interface HealthOptions {
  ping: () => Promise<void>;
  /** Whether the app is serving without Redis right now (it still serves: ADR 014). */
  redisDown: () => boolean;
}

/**
 * Liveness (`/health`: the process answers; touches nothing, not even the rate limiter) and readiness (`/ready`:
 * the database answers; Redis away is reported as degraded, not as not ready).
 */
export const healthRoutes: FastifyPluginAsyncZod<HealthOptions> = async (app, { ping, redisDown }) => {
  app.get('/health', { schema: { tags: ['health'], response: { 200: StatusSchema } } }, () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/ready',
    { schema: { tags: ['health'], response: { 200: ReadySchema, 503: ErrorBodySchema } } },
    async () => {
      await ping().catch(() => {
        throw new AppError(503, 'SERVICE_UNAVAILABLE', 'Database unreachable', undefined, {
          'retry-after': '5',
        });
      });
      return redisDown()
        ? { status: 'ok' as const, degraded: ['redis' as const] }
        : { status: 'ok' as const };
    },
  );
};
