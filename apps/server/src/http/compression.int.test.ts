import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { RunPage } from '@erun/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, runBody, type TestUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let dist: string;
let host: TestUser;
const SCRIPT = 'assets/index-3f9a1c.js';
// A page and a script over the 1 KB below which the build writes no compressed copies.
const INDEX = `<!doctype html><html><head><title>이RUN 저RUN</title><meta name="description" content="x" /></head><body>${'<div>app</div>'.repeat(100)}</body></html>`;
const JS = `export const runs = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `run-${i}`))};`;

/** Writes a file with the `.br` and `.gz` the web build writes next to it. */
async function withVariants(file: string, text: string): Promise<void> {
  await writeFile(file, text);
  await writeFile(`${file}.br`, brotliCompressSync(text));
  await writeFile(`${file}.gz`, gzipSync(text));
}

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'erun-web-'));
  await mkdir(path.join(dist, 'assets'));
  await withVariants(path.join(dist, 'index.html'), INDEX);
  await withVariants(path.join(dist, SCRIPT), JS);
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({
    env: { WEB_DIST_DIR: dist, PUBLIC_URL: 'https://erun.example', RESPONSE_CACHE_MS: '60000' },
  });
  host = await newUser(t.app, { nickname: '크루장' });
  // Enough runs for a feed page well over 1 KB.
  for (let i = 0; i < 3; i++) await newRun(t.app, host, { title: `한강 저녁 러닝 ${i}` });
});
afterAll(async () => {
  await t.close();
  await rm(dist, { recursive: true, force: true });
});

/** The body as the client reads it, after undoing the Content-Encoding the response declares. */
function decoded(response: LightMyRequestResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.rawPayload).toString();
  if (encoding === 'gzip') return gunzipSync(response.rawPayload).toString();
  expect(encoding).toBeUndefined();
  return response.rawPayload.toString();
}

const get = (url: string, acceptEncoding?: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: { ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }), ...headers },
  });

// [Accept-Encoding, the encoding expected] — RFC 9110 §12.5.3, with br preferred on equal quality.
const NEGOTIATION: [string | undefined, string | undefined][] = [
  ['gzip, deflate, br', 'br'],
  ['br', 'br'],
  ['gzip', 'gzip'],
  ['x-gzip', 'gzip'],
  ['br;q=0.5, gzip;q=0.9', 'gzip'],
  ['br;q=0, gzip', 'gzip'],
  ['gzip;q=0, br', 'br'],
  ['br;q=0, gzip;q=0', undefined],
  ['identity', undefined],
  ['deflate', undefined],
  ['', undefined],
  [undefined, undefined],
];

describe('static files: precompressed at build, chosen by Accept-Encoding (ADR 022)', () => {
  // `x-gzip` (HTTP/1.0's name) is not one @fastify/static looks up: the file goes out gzipped on the fly.
  it.each(NEGOTIATION.filter(([accept]) => accept !== 'x-gzip'))(
    'a fingerprinted asset for %j is sent as %j, cached for ever',
    async (accept, want) => {
      const response = await get(`/${SCRIPT}`, accept);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(want);
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const file = await readFile(
        path.join(dist, SCRIPT + (want === 'br' ? '.br' : want === 'gzip' ? '.gz' : '')),
      );
      expect(response.rawPayload.equals(file)).toBe(true);
      expect(Number(response.headers['content-length'])).toBe(file.length);
      expect(decoded(response)).toBe(JS);
    },
  );

  it('answers HEAD with the headers GET would send, and no body', async () => {
    const response = await t.app.inject({
      method: 'HEAD',
      url: `/${SCRIPT}`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(Number(response.headers['content-length'])).toBe(
      (await readFile(path.join(dist, `${SCRIPT}.br`))).length,
    );
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.rawPayload.length).toBe(0);
  });

  it('serves byte ranges of the representation it chose', async () => {
    const plain = await get(`/${SCRIPT}`, undefined, { range: 'bytes=0-9' });
    expect(plain.statusCode).toBe(206);
    expect(plain.headers['content-range']).toBe(`bytes 0-9/${Buffer.byteLength(JS)}`);
    expect(plain.body).toBe(JS.slice(0, 10));

    const br = await readFile(path.join(dist, `${SCRIPT}.br`));
    const ranged = await get(`/${SCRIPT}`, 'br', { range: 'bytes=0-9' });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-encoding']).toBe('br');
    expect(ranged.headers['content-range']).toBe(`bytes 0-9/${br.length}`);
    expect(ranged.rawPayload.equals(br.subarray(0, 10))).toBe(true);
  });

  it('sends a file without compressed copies (under 1 KB) readable, with Vary', async () => {
    for (const accept of ['gzip, deflate, br', 'x-gzip', undefined]) {
      const response = await get('/favicon.svg', accept);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(decoded(response)).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    }
  });

  it.each(['/', '/me', '/index.html'])(
    'sends the app page %s compressed, revalidated every time',
    async (url) => {
      for (const [accept, want] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        [undefined, undefined],
      ] as const) {
        const response = await get(url, accept, { accept: 'text/html' });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-encoding']).toBe(want);
        expect(response.headers['content-type']).toMatch(/text\/html/);
        expect(response.headers['cache-control']).toBe('no-cache');
        expect(response.headers.vary).toMatch(/accept-encoding/i);
        expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
        // Home is a public page (ADR 023): the same page with its canonical link (no renderer in this app).
        const canonical = /\s*<link rel="canonical" href="https:\/\/erun\.example\/" \/>\s*/;
        const body = decoded(response);
        if (url === '/') expect(body).toMatch(canonical);
        expect(url === '/' ? body.replace(canonical, '') : body).toBe(INDEX);
        // The page keeps its security headers whichever copy is sent.
        expect(response.headers['content-security-policy']).toBeDefined();
      }
    },
  );
});

describe('pages and API responses compressed for clients that accept it', () => {
  it('compresses a run page with its preview tags, 200 and 404 alike', async () => {
    const run = await newRun(t.app, host, { title: '반포 달빛 러닝' });
    for (const [accept, want] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const response = await get(`/runs/${run.id}`, accept);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(want);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(decoded(response)).toContain('<meta property="og:title" content="반포 달빛 러닝" />');
    }
    const missing = await get('/runs/00000000-0000-4000-8000-000000000000', 'br');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBe('br');
    expect(decoded(missing)).toBe(INDEX);
  });

  it.each(NEGOTIATION)(
    'sends a guest feed page (cached) for %j as %j, the same JSON',
    async (accept, want) => {
      const url = `/api/runs?hostId=${host.user.id}`;
      const plain = await get(url);
      const response = await get(url, accept);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(want);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
      expect(JSON.parse(decoded(response))).toEqual(plain.json<RunPage>());
    },
  );

  it('compresses a signed-in read, made for that caller', async () => {
    const url = `/api/runs?hostId=${host.user.id}`;
    const response = await get(url, 'gzip, deflate, br', bearer(host));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    const page = JSON.parse(decoded(response)) as RunPage;
    expect(page.items.map((r) => r.myStatus)).toContain('joined');
  });

  it('leaves small bodies and images as they are', async () => {
    const health = await get('/api/health', 'gzip, deflate, br');
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    const image = await get('/og/themes/city.png', 'gzip, deflate, br');
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-encoding']).toBeUndefined();
  });

  it('keeps error bodies correct, compressed or not', async () => {
    const tooLong = await get(`/api/runs?q=${'가'.repeat(3000)}`, 'gzip, deflate, br');
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.parse(decoded(tooLong))).toMatchObject({ code: 'VALIDATION_FAILED' });
    const missing = await get('/api/runs/00000000-0000-4000-8000-000000000000', 'br');
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(decoded(missing))).toMatchObject({ code: 'RUN_NOT_FOUND' });
  });

  it('never compresses /api/auth answers, which carry tokens next to the refresh cookie (BREACH)', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      payload: { email: host.email, password: host.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['content-encoding']).toBeUndefined();
    expect(login.json<{ accessToken: string }>().accessToken).toBeTypeOf('string');
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: {
        'accept-encoding': 'gzip, deflate, br',
        cookie: host.cookie,
        origin: 'https://erun.example',
      },
    });
    expect(refresh.headers['content-encoding']).toBeUndefined();
  });

  it('never decompresses a request body: a gzip body is refused, not inflated', async () => {
    const before = (await get(`/api/runs?hostId=${host.user.id}&limit=50`)).json<RunPage>().items.length;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { ...bearer(host), 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify(runBody({ title: '압축된 러닝' }))),
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json<{ code: string }>().code).toBeTypeOf('string');
    const after = (await get(`/api/runs?hostId=${host.user.id}&limit=50`)).json<RunPage>().items.length;
    expect(after).toBe(before);
  });
});
