import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// What @fastify/helmet 13 sent with the same options before the headers were precomputed (ADR 008), but for
// connect-src, limited to the app's own origin (issue 12).
const EXPECTED: Record<string, string> = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';" +
    "img-src 'self' data: blob: https:;object-src 'none';script-src 'self' https://t1.kakaocdn.net;" +
    // connect-src: this origin and its own socket.io (PUBLIC_URL, http://localhost:3000 here), no other host.
    "script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self' ws://localhost:3000",
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

// The API's answers are never documents (ADR 026): a policy that allows nothing, no framing, nosniff, CORP, HSTS.
const EXPECTED_API: Record<string, string> = {
  'content-security-policy': "default-src 'none';frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
const PAGE_ONLY = Object.keys(EXPECTED).filter((name) => !(name in EXPECTED_API));

describe('security headers', () => {
  it.each([
    ['a JSON read', 'GET', '/api/health', 200],
    ['a guest read of the run feed', 'GET', '/api/runs', 200],
    ['an error', 'POST', '/api/auth/login', 400],
    ['an unknown route', 'GET', '/api/nope', 404],
  ])("are the API's on %s", async (_what, method, url, status) => {
    const response = await t.app.inject({
      method: method as 'GET' | 'POST',
      url,
      payload: method === 'POST' ? {} : undefined,
    });
    expect(response.statusCode).toBe(status);
    for (const [name, value] of Object.entries(EXPECTED_API))
      expect(response.headers[name], name).toBe(value);
    for (const name of PAGE_ONLY) expect(response.headers[name], name).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it.each([
    ['a page', '/runs'],
    ["the API's browsable docs (a page)", '/api/docs/'],
    ['a missing upload', '/uploads/nope.webp'],
  ])("are the pages' on %s", async (_what, url) => {
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBeLessThan(500);
    for (const [name, value] of Object.entries(EXPECTED)) expect(response.headers[name], name).toBe(value);
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('content security policy behind a public https address', () => {
  it('lets pages connect to this origin and its wss:// socket only', async () => {
    const app = await createTestApp({ env: { PUBLIC_URL: 'https://erun.example' } });
    try {
      const response = await app.app.inject({ method: 'GET', url: '/runs' });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("connect-src 'self' wss://erun.example");
      expect(csp).not.toMatch(/connect-src[^;]*\b(ws|wss):(?!\/\/erun\.example)/);
    } finally {
      await app.close();
    }
  });
});
