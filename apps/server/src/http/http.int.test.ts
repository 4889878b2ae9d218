import type { ErrorBody } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health and docs', () => {
  it('GET /api/health and /api/ready answer ok', async () => {
    for (const url of ['/api/health', '/api/ready']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
    }
  });

  it('serves the OpenAPI document generated from the contracts, and its UI', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/signup', '/api/me', '/api/uploads']),
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('gives every response an x-request-id, and keeps a sane one the client sent', async () => {
    const fresh = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    const echoed = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(echoed.headers['x-request-id']).toBe('trace-12345678');
  });
});

describe('bad input never yields a 500', () => {
  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload,
      headers: { 'content-type': contentType },
    });

  it('malformed JSON → 400 VALIDATION_FAILED', async () => {
    const response = await post('{"email": "a@b.co",');
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>()).toEqual({ code: 'VALIDATION_FAILED', message: 'Malformed JSON body' });
  });

  it('wrong types and an empty body → 400 with issues', async () => {
    const response = await post('{"email": 5, "password": []}');
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().issues?.length).toBeGreaterThan(0);
    expect((await post('')).statusCode).toBe(400);
  });

  it('a body over the limit → 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await post(JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(10 * 1024 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorBody>().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an unsupported content type → 415', async () => {
    const response = await post('email=a@b.co', 'text/csv');
    expect(response.statusCode).toBe(415);
    expect(response.json<ErrorBody>().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('unknown enum values and unknown fields in PATCH /api/me → 400', async () => {
    const user = await newUser(t.app);
    const headers = { authorization: `Bearer ${user.accessToken}` };
    for (const payload of [
      { preferredRegions: ['mars'] },
      { runningLevel: 'pro' },
      { isAdmin: true },
      { bio: 'x'.repeat(61) },
    ]) {
      const response = await t.app.inject({ method: 'PATCH', url: '/api/me', headers, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    }
  });

  it('an unknown API route → 404 with the error body, not the web page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorBody>().code).toBe('ROUTE_NOT_FOUND');
  });
});
