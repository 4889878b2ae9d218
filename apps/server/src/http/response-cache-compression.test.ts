import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compress, type Encoding, registerCompression } from './compression.ts';
import { ResponseCache } from './response-cache.ts';

// A feed page's worth of JSON: well over the 1 KB below which nothing is compressed.
const page = JSON.stringify({
  items: Array.from({ length: 40 }, (_, i) => ({ id: i, title: `한강 저녁 러닝 ${i}`, seats: 10 })),
});

let app: FastifyInstance;
let reads: number;
let compressions: Encoding[];

beforeEach(async () => {
  reads = 0;
  compressions = [];
  const counting = (body: Buffer, encoding: Encoding) => {
    compressions.push(encoding);
    return compress(body, encoding);
  };
  const cache = new ResponseCache(60_000, { now: () => new Date(0) }, undefined, undefined, counting);
  app = Fastify();
  await registerCompression(app);
  app.get(
    '/api/runs',
    { onRequest: cache.onRequest, onSend: cache.onSend, onResponse: cache.release },
    async (_request, reply) => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return reply.type('application/json; charset=utf-8').send(page);
    },
  );
});
afterEach(() => app.close());

const get = (headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: '/api/runs', headers });

function decoded(response: Awaited<ReturnType<typeof get>>): string {
  const raw = response.rawPayload;
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(raw).toString();
  if (encoding === 'gzip') return gunzipSync(raw).toString();
  expect(encoding).toBeUndefined();
  return raw.toString();
}

describe('the guest response cache keeps each entry compressed once per encoding (ADR 022)', () => {
  it('compresses an entry once per encoding, however many hits; a hit costs a copy', async () => {
    const responses = [];
    for (let i = 0; i < 4; i++) responses.push(await get({ 'accept-encoding': 'gzip, deflate, br' }));
    for (let i = 0; i < 3; i++) responses.push(await get({ 'accept-encoding': 'gzip' }));
    expect(reads).toBe(1);
    expect(compressions).toEqual(['br', 'gzip']);
    for (const response of responses) {
      expect(response.statusCode).toBe(200);
      expect(decoded(response)).toBe(page);
      expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
      expect(response.headers.vary).toBe('accept-encoding');
    }
    expect(responses.map((r) => r.headers['content-encoding'])).toEqual([
      ...Array<string>(4).fill('br'),
      ...Array<string>(3).fill('gzip'),
    ]);
    // The same bytes each time: the stored copy, not a new compression.
    expect(responses[3]?.rawPayload.equals(responses[0]?.rawPayload ?? Buffer.alloc(0))).toBe(true);
  });

  it('gives clients that accept no encoding the plain bytes, with Vary', async () => {
    const headerSets: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ];
    for (const headers of headerSets) {
      const response = await get(headers);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.body).toBe(page);
      expect(response.headers.vary).toBe('accept-encoding');
    }
    expect(compressions).toEqual([]);
    expect(reads).toBe(1);
  });

  it('follows q-values: gzip preferred over br when its quality is higher', async () => {
    const response = await get({ 'accept-encoding': 'br;q=0.2, gzip;q=0.8' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(decoded(response)).toBe(page);
  });

  it('compresses once for concurrent misses waiting on the same read (single flight)', async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => get({ 'accept-encoding': 'br' })));
    expect(reads).toBe(1);
    expect(compressions).toEqual(['br']);
    for (const response of responses) expect(decoded(response)).toBe(page);
  });

  it('leaves a signed-in read (never from the cache) to the per-response compression', async () => {
    const response = await get({ 'accept-encoding': 'br', authorization: 'Bearer x' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(decoded(response)).toBe(page);
    expect(compressions).toEqual([]);
  });
});
