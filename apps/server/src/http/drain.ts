import { Server as NetServer } from 'node:net';
import type { Server } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * Graceful drain (issue 13). Once a shutdown starts, `/api/ready` answers 503 so the balancer moves away, while
 * the process keeps serving on the connections it has. Then, at close, the port stops accepting and from that
 * moment every answer carries `Connection: close`; the open connections get `lingerMs` to end by themselves.
 *
 * Two races behind nginx (a POST it has passed on is never resent, so each one is a 502):
 * - Closing an idle keep-alive connection: nginx may be writing a request on it at that very instant. So the
 *   server never closes an idle connection of its own accord while a balancer may still use it: a connection
 *   ends after an answer that said `Connection: close` (nginx drops it from its pool), or from nginx's side (its
 *   upstream `keepalive_timeout`, deploy/nginx.conf, below the linger and the API's `keepAliveTimeout`). Only
 *   what is still idle after the linger is dropped.
 * - Closing the port: connections the kernel has accepted but the process has not yet taken are reset, with the
 *   request nginx already wrote on them. So the drain window keeps connections alive — nginx reuses its pooled
 *   ones and hardly opens new ones — and `Connection: close` comes only once the port is closed. (Were every
 *   drain answer `Connection: close`, nginx would open a connection per request, right up to the port closing.)
 */
export class Drain {
  private phase: 'serving' | 'draining' | 'closing' = 'serving';
  private linger = 0;

  /** Shutting down: not ready for new traffic (the port is still open until `closing`). */
  get draining(): boolean {
    return this.phase !== 'serving';
  }

  /** The port is closed: every answer closes its connection. */
  get closing(): boolean {
    return this.phase === 'closing';
  }

  /** How long close() waits for the connections to end by themselves (0: not at all). */
  get lingerMs(): number {
    return this.linger;
  }

  start(lingerMs = 0): void {
    if (this.phase === 'serving') this.phase = 'draining';
    this.linger = lingerMs;
  }

  close(): void {
    this.phase = 'closing';
  }
}

/**
 * Stops accepting connections and resolves once every open one has ended, or after `withinMs` (false then).
 * net's close, not http's: `http.Server.close()` first destroys every connection that is idle at that instant
 * (Node ≥ 19) — one nginx has just picked from its pool and is writing on.
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
  // Decided when the answer is sent, not when the request came in: a request in flight when the port closed
  // closes its connection too, instead of leaving it idle in nginx's pool.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (drain.closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('preClose', async () => {
    drain.close();
    if (drain.lingerMs <= 0 || !app.server.listening) return;
    // Connections still open: requests being served (they close after their answer, which says so), and idle
    // ones nginx keeps — it uses them once more (an answer that closes them) or closes them after its
    // keepalive_timeout. What is left after the linger is dropped by fastify's close, as before.
    const ended = await stopAccepting(app.server, drain.lingerMs);
    if (!ended) {
      app.log.warn(
        { lingerMs: drain.lingerMs },
        'connections still open after the linger: dropping the idle ones',
      );
    }
  });
}
