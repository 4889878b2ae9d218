import { ErrorBodySchema, StatusSchema } from '@erun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Drain } from '../../http/drain.ts';
import { AppError } from '../../lib/errors.ts';
import type { DiskSpace } from '../../ports/disk.ts';

/** Liveness (`/health`: the process answers) and readiness (`/ready`: send it traffic). */
export const healthRoutes: FastifyPluginAsyncZod<{
  ping: () => Promise<void>;
  drain: Drain;
  /** Embedded mode: the database's disk; full = not ready (writes would fail). */
  disk?: DiskSpace;
}> = async (app, { ping, drain, disk }) => {
  app.get('/health', { schema: { tags: ['health'], response: { 200: StatusSchema } } }, () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/ready',
    { schema: { tags: ['health'], response: { 200: StatusSchema, 503: ErrorBodySchema } } },
    async () => {
      // Shutting down: the balancer moves away during the drain window while this process still serves.
      if (drain.draining) throw new AppError(503, 'SERVICE_UNAVAILABLE', 'Shutting down');
      if (await disk?.low()) throw new AppError(503, 'SERVICE_UNAVAILABLE', 'Data folder is full');
      await ping().catch(() => {
        throw new AppError(503, 'SERVICE_UNAVAILABLE', 'Database unreachable');
      });
      return { status: 'ok' as const };
    },
  );
};
