import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The built web app at `/`, and for any other GET that accepts HTML, its index.html (client routes). */
export async function registerWeb(app: FastifyInstance, distDir: string | undefined): Promise<boolean> {
  if (!distDir || !existsSync(path.join(distDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: path.resolve(distDir),
    prefix: '/',
    decorateReply: true,
    wildcard: false,
    index: false,
    // The build writes `.br` and `.gz` next to each text file of 1 KB or more: sent as they are to clients that
    // accept them (q-values honoured), with `Vary: Accept-Encoding` on every answer (ADR 022).
    preCompressed: true,
    setHeaders: (reply, file) => {
      // Vite fingerprints everything under assets/, so those can be cached forever. `file` is the file sent,
      // `.br` or `.gz` included: the same rule for every variant.
      const immutable = file.includes(`${path.sep}assets${path.sep}`);
      void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}

export async function registerUploads(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.resolve(root),
    prefix: '/uploads/',
    decorateReply: false,
    index: false,
    maxAge: '365d',
    immutable: true,
  });
}
