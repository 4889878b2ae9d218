import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// Exactly what @fastify/helmet 13 sent with the same options before the headers were precomputed (ADR 008).
const EXPECTED: Record<string, string> = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';" +
    "img-src 'self' data: blob: https:;object-src 'none';script-src 'self' https://t1.kakaocdn.net;" +
    "script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self' ws: wss:",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe('security headers', () => {
  it.each([
    ['a JSON read', 'GET', '/api/health', 200],
    ['a guest read of the run feed', 'GET', '/api/runs', 200],
    ['an error', 'POST', '/api/auth/login', 400],
    ['an unknown route', 'GET', '/api/nope', 404],
  ])('are the same on %s', async (_what, method, url, status) => {
    const response = await t.app.inject({
      method: method as 'GET' | 'POST',
      url,
      payload: method === 'POST' ? {} : undefined,
    });
    expect(response.statusCode).toBe(status);
    for (const [name, value] of Object.entries(EXPECTED)) expect(response.headers[name], name).toBe(value);
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
