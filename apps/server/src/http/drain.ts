import type { FastifyInstance } from 'fastify';

/**
 * Graceful drain (issue 13): once a shutdown starts, `/api/ready` answers 503 so the balancer moves away, while
 * the process keeps serving; every response then carries `Connection: close`, so no keep-alive connection
 * outlives its last request and holds the exit.
 */
export class Drain {
  private started = false;

  get draining(): boolean {
    return this.started;
  }

  start(): void {
    this.started = true;
  }
}

export function registerDrain(app: FastifyInstance, drain: Drain): void {
  app.addHook('onRequest', (_request, reply, done) => {
    if (drain.draining) void reply.header('connection', 'close');
    done();
  });
}
