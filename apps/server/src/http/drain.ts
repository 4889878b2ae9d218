import { Server as NetServer } from 'node:net';
import type { Server } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * Graceful drain (issue 13): once a shutdown starts, `/api/ready` answers 503 so the balancer moves away, while
 * the process keeps serving; every response then carries `Connection: close`, so no keep-alive connection
 * outlives its last request and holds the exit.
 *
 * Closing an idle keep-alive connection is a race the server cannot win: the balancer (nginx) may be writing a
 * request on it at that very instant, and it will not resend a POST it has passed on (a 502). So the server
 * never closes an idle connection of its own accord while a balancer may still use it: a connection ends after
 * a response that said `Connection: close` (nginx then drops it from its pool), or from the balancer's side
 * (nginx's upstream `keepalive_timeout`, deploy/nginx.conf, well below this process's `keepAliveTimeout`).
 * At close, the port stops accepting first and the open connections get `lingerMs` to end that way; only what
 * is still idle after that is dropped (see `registerDrain`).
 */
export class Drain {
  private started = false;
  private linger = 0;

  get draining(): boolean {
    return this.started;
  }

  /** How long close() waits for the connections to end by themselves (0: not at all, as before a drain). */
  get lingerMs(): number {
    return this.linger;
  }

  start(lingerMs = 0): void {
    this.started = true;
    this.linger = lingerMs;
  }
}

/**
 * Stops accepting connections and resolves once every open one has ended, or after `withinMs` (false then).
 * net's close, not http's: `http.Server.close()` first destroys every connection that is idle at that instant
 * (Node ≥ 19) — one nginx has just picked from its pool, or one it has just opened and not yet written on.
 */
export function stopAccepting(server: Server, withinMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), withinMs);
    NetServer.prototype.close.call(server, () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Register after the realtime server: its preClose disconnects the WebSockets, which would otherwise keep the
 * linger waiting for connections that only end when socket.io lets them go.
 */
export function registerDrain(app: FastifyInstance, drain: Drain): void {
  // At answer time, not at request time: a request that was already in flight when the drain began closes its
  // connection too. Left open, it would go idle in nginx's pool in the middle of the drain.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (drain.draining) void reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('preClose', async () => {
    if (drain.lingerMs <= 0 || !app.server.listening) return;
    // Connections still open: requests being served (they close after their answer, which says so), ones
    // nginx has just opened (their request follows at once) and idle ones nginx keeps (it closes them after
    // its keepalive_timeout). What is left after the linger is dropped by fastify's close, as before.
    const ended = await stopAccepting(app.server, drain.lingerMs);
    if (!ended) app.log.warn({ lingerMs: drain.lingerMs }, 'connections still open after the drain: closing');
  });
}
