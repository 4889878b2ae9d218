import { ErrorBodySchema, ReadySchema, StatusSchema } from '@erun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Drain } from '../../http/drain.ts';
import { AppError } from '../../lib/errors.ts';
import type { DiskSpace } from '../../ports/disk.ts';

export interface HealthOptions {
  ping: () => Promise<void>;
  /** Whether the app is serving without Redis right now (it still serves: ADR 014). */
  redisDown: () => boolean;
  drain: Drain;
  /** Embedded mode: the database's disk; full = not ready (writes would fail). */
  disk?: DiskSpace;
}

/**
 * Liveness (`/health`: the process answers; touches nothing, not even the rate limiter) and readiness (`/ready`:
 * send it traffic — not while draining, not with a full data folder or an unreachable database; Redis away is
 * reported as degraded, not as not ready).
 */
export const healthRoutes: FastifyPluginAsyncZod<HealthOptions> = async (
  app,
  { ping, redisDown, drain, disk },
) => {
  // Registered outside the API scope whose onRoute hook documents each operation's access: public, said here.
  app.get('/health', { schema: { tags: ['health'], security: [], response: { 200: StatusSchema } } }, () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/ready',
    { schema: { tags: ['health'], security: [], response: { 200: ReadySchema, 503: ErrorBodySchema } } },
    async () => {
      // Shutting down: the balancer moves away during the drain window while this process still serves.
      if (drain.draining) throw new AppError(503, 'SERVICE_UNAVAILABLE', 'Shutting down');
      if (await disk?.low()) throw new AppError(503, 'SERVICE_UNAVAILABLE', 'Data folder is full');
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
