import { createServer, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * A listener that serves the app's `GET /metrics` and nothing else (404 for any other path): the worker's
 * metrics, without offering the API on the worker. The app answers it (token check, registry) through inject.
 */
export async function serveMetricsOnly(app: FastifyInstance, port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    const method = request.method === 'HEAD' ? 'HEAD' : 'GET';
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      response.end(
        JSON.stringify({ code: 'ROUTE_NOT_FOUND', message: `No route for ${request.method} ${path}` }),
      );
      return;
    }
    const authorization = request.headers.authorization;
    app
      .inject({ method, url: '/metrics', headers: authorization ? { authorization } : {} })
      .then((answer) => {
        const type = answer.headers['content-type'];
        const auth = answer.headers['www-authenticate'];
        response.writeHead(answer.statusCode, {
          ...(typeof type === 'string' ? { 'content-type': type } : {}),
          ...(typeof auth === 'string' ? { 'www-authenticate': auth } : {}),
          'cache-control': 'no-store',
        });
        response.end(answer.rawPayload);
      })
      .catch(() => {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' }));
      });
  });
  // A scrape is one small request: no idle connection may hold the worker's exit.
  server.keepAliveTimeout = 1000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
