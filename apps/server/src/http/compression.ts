import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** What the API and the web build send, best first (the build writes `.br` and `.gz` of the same files). */
const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Below this a body goes as it is: the encoding's headers and a round of zlib cost more than they save. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Brotli 4 is the usual choice for bodies made per request (Cloudflare's, and @fastify/compress's default):
 * 11 costs ~100× the time for ~20% fewer bytes. A 256 KB window instead of the default 4 MB: every call
 * allocates its window, which cost more than the compression itself on a 20 KB feed page.
 */
const BROTLI_OPTIONS = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 4,
    [constants.BROTLI_PARAM_LGWIN]: 18,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};
const GZIP_OPTIONS = { level: 6 };

/** JSON, HTML, text, CSS, JavaScript, SVG and XML; never `text/event-stream` (it must flush as it goes). */
const COMPRESSIBLE = /^text\/(?!event-stream)|[/+](?:json|xml|javascript)(?:;|$)/;

/** The encoding to send for this `Accept-Encoding` (q-values, `*`, `x-gzip`), or undefined for the body as it is. */
export function encodingFor(acceptEncoding: string | undefined): Encoding | undefined {
  if (acceptEncoding === undefined) return undefined;
  // As @fastify/compress and @fastify/static read the header (`*` and `x-gzip` mean gzip), so that a cached
  // body, a fresh one and a file are chosen alike.
  const header = acceptEncoding.toLowerCase().replace(/\*|x-gzip/g, 'gzip');
  return negotiate<Encoding>(header, [...ENCODINGS]) ?? undefined;
}

/** The one way this app compresses a body; the response cache calls it once per entry and encoding. */
export function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, BROTLI_OPTIONS) : gzipSync(body, GZIP_OPTIONS);
}

/** `Vary: Accept-Encoding` added to what the reply already varies on. */
export function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  if (vary === undefined) void reply.header('vary', 'accept-encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(String(vary)))
    void reply.header('vary', `${String(vary)}, accept-encoding`);
}

/**
 * A body that would be compressed for a client that accepts it varies on `Accept-Encoding` also when it goes
 * out as it is (RFC 9110 §12.5.5): @fastify/compress says so only on the compressed ones.
 */
function varyOnCompressible(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  const size =
    typeof payload === 'string' ? Buffer.byteLength(payload) : Buffer.isBuffer(payload) ? payload.length : 0;
  // No Content-Type is read as JSON, as @fastify/compress reads it.
  const type = reply.getHeader('content-type') ?? 'application/json';
  if (size >= COMPRESS_THRESHOLD && COMPRESSIBLE.test(String(type))) varyOnEncoding(reply);
  done(null, payload);
}

/**
 * Responses of at least 1 KB of a compressible type, compressed for clients that accept it (ADR 022):
 * `@fastify/compress` appends its `onSend` to every route registered after this, so it runs after the routes'
 * own hooks (the response cache stores the plain body first). Bodies up to 64 KB are compressed in one call
 * on the event loop and sent with a `Content-Length`; larger ones stream through the thread pool. A body that
 * already has a `Content-Encoding` (a cached entry's, a precompressed file) passes untouched.
 *
 * Not compressed: `/api/auth/*`, whose bodies carry access tokens and whose requests carry the refresh cookie
 * (BREACH: see the ADR). Request bodies are never decompressed (its decompression is off): a compressed body
 * fails to parse like any other bad body.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (route.url === '/api/auth' || route.url.startsWith('/api/auth/')) {
      route.compress = false;
      return;
    }
    // Ahead of @fastify/compress's hook (added by its own onRoute, which runs after this one).
    route.onSend = [...(route.onSend === undefined ? [] : [route.onSend].flat()), varyOnCompressible];
  });
  await app.register(fastifyCompress, {
    encodings: [...ENCODINGS],
    threshold: COMPRESS_THRESHOLD,
    brotliOptions: BROTLI_OPTIONS,
    zlibOptions: GZIP_OPTIONS,
    customTypes: COMPRESSIBLE,
    // Its default on 2 cores is 8 KB, which sends a 20 KB feed page through a stream (chunked, thread pool).
    // We run one instance per core (docs/operations.md): no idle core for the thread pool to use.
    syncThreshold: 64 * 1024,
    globalDecompression: false,
  });
}
