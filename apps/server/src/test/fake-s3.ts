import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A small S3-compatible server on loopback for tests: path-style buckets with PutObject, GetObject/HeadObject
 * (anonymous, like a public bucket), ListObjectsV2 (prefix, max-keys capped at 1000, continuation tokens) and
 * DeleteObjects — what `S3FileStorage` uses, in the XML the AWS SDK v3 parses. Writes and listings need an
 * `Authorization` header naming the access key; the SigV4 signature itself is not checked.
 *
 * Why not s3rver (DESIGN.md): s3rver 3.7.1 makes continuation tokens with DES, which OpenSSL 3 (Node ≥ 17)
 * refuses, so any truncated listing answers 500; its fork @20minutes/s3rver 4.0.4 answers SDK v3's
 * ListObjectsV2 with SignatureDoesNotMatch, and 5.x needs Node 24. Both pull in koa, winston and old parsers.
 */
export interface FakeS3 {
  /** `http://127.0.0.1:<port>`: the S3_ENDPOINT. */
  endpoint: string;
  port: number;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Keys stored, sorted; only those under `prefix` when given. */
  keys(prefix?: string): string[];
  object(key: string): StoredObject | undefined;
  /** Stores objects directly (no HTTP), e.g. more than a page of them. */
  seed(keys: string[], data?: Buffer): void;
  /** Objects in each DeleteObjects request received, in order. */
  deleteBatches: number[];
  /** Stops answering: the port refuses connections (open ones are cut). Objects are kept. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export interface StoredObject {
  data: Buffer;
  contentType: string;
  cacheControl: string | undefined;
  etag: string;
  modified: Date;
}

/** The environment main.ts reads for STORAGE=s3, pointing at `s3` (for createTestApp's `env`). */
export function s3Env(s3: FakeS3, extra: Record<string, string> = {}): Record<string, string> {
  return {
    STORAGE: 's3',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
    ...extra,
  };
}

const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export async function startFakeS3(bucket = 'erun-test'): Promise<FakeS3> {
  const accessKeyId = 'FAKEACCESSKEY';
  const secretAccessKey = 'fake-secret-access-key';
  const objects = new Map<string, StoredObject>();
  const deleteBatches: number[] = [];
  const sockets = new Set<Socket>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const [, bucketName = '', ...rest] = url.pathname.split('/');
    const key = rest.map(decodeURIComponent).join('/');
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    if (bucketName !== bucket)
      return error(response, 404, 'NoSuchBucket', 'The specified bucket does not exist');
    const isRead = (method === 'GET' || method === 'HEAD') && key !== '';
    if (!isRead && !authorized(request, accessKeyId))
      return error(response, 403, 'AccessDenied', 'Access Denied');

    if (key !== '' && method === 'PUT') {
      const data = isChunked(request) ? decodeAwsChunked(body) : body;
      const etag = `"${createHash('md5').update(data).digest('hex')}"`;
      objects.set(key, {
        data,
        contentType: header(request, 'content-type') ?? 'binary/octet-stream',
        cacheControl: header(request, 'cache-control'),
        etag,
        modified: new Date(),
      });
      response.writeHead(200, { etag }).end();
      return;
    }
    if (isRead) {
      const found = objects.get(key);
      if (!found) return error(response, 404, 'NoSuchKey', 'The specified key does not exist.');
      response.writeHead(200, {
        'content-type': found.contentType,
        'content-length': found.data.length,
        etag: found.etag,
        'last-modified': found.modified.toUTCString(),
        ...(found.cacheControl ? { 'cache-control': found.cacheControl } : {}),
      });
      response.end(method === 'HEAD' ? undefined : found.data);
      return;
    }
    if (key === '' && method === 'GET' && url.searchParams.get('list-type') === '2') {
      const prefix = url.searchParams.get('prefix') ?? '';
      const maxKeys = Math.min(Number(url.searchParams.get('max-keys') ?? 1000), 1000);
      const after = url.searchParams.get('continuation-token') ?? url.searchParams.get('start-after') ?? '';
      const matching = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
      const page = matching.slice(0, maxKeys);
      const truncated = matching.length > page.length;
      const contents = page
        .map((k) => {
          const o = objects.get(k) as StoredObject;
          return `<Contents><Key>${escape(k)}</Key><LastModified>${o.modified.toISOString()}</LastModified><ETag>${escape(o.etag)}</ETag><Size>${o.data.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
        })
        .join('');
      const next = truncated
        ? `<NextContinuationToken>${escape(page.at(-1) ?? '')}</NextContinuationToken>`
        : '';
      return xml(
        response,
        200,
        `<ListBucketResult xmlns="${XMLNS}"><Name>${bucket}</Name><Prefix>${escape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`,
      );
    }
    if (key === '' && method === 'POST' && url.searchParams.has('delete')) {
      const keys = [...body.toString('utf8').matchAll(/<Key>([\s\S]*?)<\/Key>/g)].map((m) =>
        unescape(m[1] ?? ''),
      );
      if (keys.length > 1000) return error(response, 400, 'MalformedXML', 'More than 1000 keys');
      deleteBatches.push(keys.length);
      for (const k of keys) objects.delete(k);
      const quiet = /<Quiet>true<\/Quiet>/.test(body.toString('utf8'));
      const deleted = quiet ? '' : keys.map((k) => `<Deleted><Key>${escape(k)}</Key></Deleted>`).join('');
      return xml(response, 200, `<DeleteResult xmlns="${XMLNS}">${deleted}</DeleteResult>`);
    }
    return error(
      response,
      501,
      'NotImplemented',
      `${method} ${url.pathname}${url.search} is not implemented`,
    );
  };

  let server: Server | undefined;
  let port = 0;
  const start = async () => {
    const next = createServer((request, response) => {
      handle(request, response).catch((e: unknown) => error(response, 500, 'InternalError', String(e)));
    });
    next.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve));
    port = (next.address() as { port: number }).port;
    server = next;
  };
  const stop = async () => {
    const current = server;
    server = undefined;
    if (!current) return;
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => current.close(resolve));
  };
  await start();

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    bucket,
    accessKeyId,
    secretAccessKey,
    keys: (prefix = '') => [...objects.keys()].filter((k) => k.startsWith(prefix)).sort(),
    object: (key) => objects.get(key),
    seed: (keys, data = Buffer.from('x')) => {
      for (const k of keys)
        objects.set(k, {
          data,
          contentType: 'binary/octet-stream',
          cacheControl: undefined,
          etag: '"x"',
          modified: new Date(),
        });
    },
    deleteBatches,
    stop,
    start,
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A SigV4 `Authorization` header for our access key (the signature is not verified). */
function authorized(request: IncomingMessage, accessKeyId: string): boolean {
  return (header(request, 'authorization') ?? '').startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`);
}

function isChunked(request: IncomingMessage): boolean {
  return (
    (header(request, 'content-encoding') ?? '').includes('aws-chunked') ||
    (header(request, 'x-amz-content-sha256') ?? '').startsWith('STREAMING-')
  );
}

/** The `aws-chunked` body (`<hex size>[;chunk-signature=…]\r\n<data>\r\n…0\r\n<trailers>`) → the data. */
function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function xml(response: ServerResponse, status: number, body: string): void {
  response
    .writeHead(status, { 'content-type': 'application/xml' })
    .end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

function error(response: ServerResponse, status: number, code: string, message: string): void {
  xml(response, status, `<Error><Code>${code}</Code><Message>${escape(message)}</Message></Error>`);
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
