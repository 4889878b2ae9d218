import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

/**
 * The end of a drain (issue 13): a request on a connection the server had already accepted when it began to close
 * (behind nginx: a connection opened just before the port closed) is served, not refused. Fastify answered it
 * 503 by default, and nginx may not resend a POST it had passed on: one failed request per restart behind a
 * balancer (rolling-restart.fault.test.ts). Refusing such a request saves nothing: close() waits for it anyway.
 */
describe('closing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ redisUrl: null });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves a request that arrives, on a connection accepted before, while the server closes', async () => {
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // The request has begun (not an idle connection, which close() drops) but is not complete yet…
    socket.write('GET /api/health HTTP/1.1\r\nHost: erun.example.com\r\n');
    await new Promise((r) => setTimeout(r, 100));
    const closed = t.app.close();
    await new Promise((r) => setTimeout(r, 100));
    // …when the server starts closing; then the rest of it arrives.
    socket.write('\r\n');
    await ended;
    await closed;
    expect(response.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(response.toLowerCase()).toContain('connection: close');
  });
});
