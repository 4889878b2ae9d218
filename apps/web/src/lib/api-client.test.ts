import { endpoints } from '@erun/contracts';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { jsonResponse } from '../test/api.ts';
import { createApiClient, pathOf } from './api-client.ts';
import * as contracts from './load-contracts.ts';
import { ApiError } from './api-error.ts';
import { deferredEndpoints } from './deferred-endpoints.ts';

const OkSchema = z.object({ ok: z.boolean() });

interface Call {
  path: string;
  authorization: string | null;
  contentType: string | null;
  body: unknown;
}

/** A fetch double: records calls and answers through `respond`. */
function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn((input: string | URL | Request, init: RequestInit = {}) => {
    const path = input instanceof Request ? input.url : input.toString();
    const headers = new Headers(init.headers);
    const call = {
      path,
      authorization: headers.get('authorization'),
      contentType: headers.get('content-type'),
      body: init.body,
    };
    calls.push(call);
    return Promise.resolve(respond(call));
  });
  return { fetch, calls };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const unauthenticated = () => jsonResponse(401, { code: 'UNAUTHENTICATED', message: 'Sign-in required' });

describe('api client', () => {
  it('knows a guest from the session check without loading the schemas; a session is checked against them', async () => {
    const load = vi.spyOn(contracts, 'loadContracts');
    try {
      const guest = createApiClient({
        fetch: fakeFetch(() => jsonResponse(200, { accessToken: null })).fetch,
      });
      await guest.restore();
      expect(guest.getStatus()).toBe('signed-out');
      expect(load).not.toHaveBeenCalled();

      const member = createApiClient({
        fetch: fakeFetch(() => jsonResponse(200, { accessToken: 'token-1' })).fetch,
      });
      await member.restore();
      expect(member.getStatus()).toBe('signed-in');
      expect(load).toHaveBeenCalledTimes(1);

      // An answer that is neither is refused by the schema: no session.
      const odd = createApiClient({ fetch: fakeFetch(() => jsonResponse(200, { accessToken: 42 })).fetch });
      await odd.restore();
      expect(odd.getStatus()).toBe('signed-out');
    } finally {
      load.mockRestore();
    }
  });

  it('refreshes once for concurrent 401s, then retries every request with the new token', async () => {
    const refreshAnswer = deferred<Response>();
    const { fetch, calls } = fakeFetch((call) => {
      if (call.path === '/api/auth/refresh') return refreshAnswer.promise;
      return call.authorization === 'Bearer fresh' ? jsonResponse(200, { ok: true }) : unauthenticated();
    });
    const client = createApiClient({ fetch });
    client.startSession('expired');

    const first = client.get('/api/me', OkSchema);
    const second = client.get('/api/runs?limit=1', OkSchema);
    await vi.waitFor(() => expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1));
    // Both 401s are in before the refresh answers: they must share it.
    expect(calls.filter((c) => c.authorization === 'Bearer expired')).toHaveLength(2);
    refreshAnswer.resolve(jsonResponse(200, { accessToken: 'fresh' }));

    await expect(Promise.all([first, second])).resolves.toEqual([{ ok: true }, { ok: true }]);
    expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
    expect(calls.filter((c) => c.authorization === 'Bearer fresh').map((c) => c.path)).toEqual([
      '/api/me',
      '/api/runs?limit=1',
    ]);
    expect(client.getStatus()).toBe('signed-in');
  });

  it('ends the session when the refresh fails, and reports the 401', async () => {
    const { fetch, calls } = fakeFetch(unauthenticated);
    const client = createApiClient({ fetch });
    client.startSession('expired');
    const listener = vi.fn();
    client.subscribe(listener);

    const error = await client.get('/api/me', OkSchema).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(client.getStatus()).toBe('signed-out');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => c.path)).toEqual(['/api/me', '/api/auth/refresh']);
  });

  it('refreshes and asks again when a read was answered as a guest’s because the token was refused', async () => {
    // Reads take an optional token: an expired one gets the guest’s answer, marked invalid_token (RFC 6750).
    const { fetch, calls } = fakeFetch((call) => {
      if (call.path === '/api/auth/refresh') return jsonResponse(200, { accessToken: 'fresh' });
      if (call.authorization === 'Bearer fresh') return jsonResponse(200, { ok: true });
      return jsonResponse(200, { ok: false }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    });
    const client = createApiClient({ fetch });
    client.startSession('expired');

    await expect(client.get('/api/crews/c1', OkSchema)).resolves.toEqual({ ok: true });
    expect(calls.map((c) => [c.path, c.authorization])).toEqual([
      ['/api/crews/c1', 'Bearer expired'],
      ['/api/auth/refresh', null],
      ['/api/crews/c1', 'Bearer fresh'],
    ]);
    expect(client.getStatus()).toBe('signed-in');
  });

  it('keeps the guest’s answer when the token was refused and the session has ended', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.path === '/api/auth/refresh'
        ? unauthenticated()
        : jsonResponse(200, { ok: false }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }),
    );
    const client = createApiClient({ fetch });
    client.startSession('expired');

    await expect(client.get('/api/crews/c1', OkSchema)).resolves.toEqual({ ok: false });
    expect(calls.map((c) => c.path)).toEqual(['/api/crews/c1', '/api/auth/refresh']);
    expect(client.getStatus()).toBe('signed-out');
  });

  it('does not refresh when a sign-in call answers 401', async () => {
    const { fetch, calls } = fakeFetch(() =>
      jsonResponse(401, { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password' }),
    );
    const client = createApiClient({ fetch });
    client.startSession('token');

    await expect(
      client.post('/api/auth/login', { email: 'a@b.co', password: 'x' }, OkSchema),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(calls.map((c) => c.path)).toEqual(['/api/auth/login']);
  });

  // A phone that loses its network mid-refresh, or a refresh during a database outage (503), is not signed out:
  // the refresh cookie is still good, and a retry of a refresh the server did rotate gets the same successor.
  it.each([
    ['got no answer', () => Promise.reject(new TypeError('Failed to fetch')), 'NETWORK_ERROR'],
    [
      'answered 503',
      () => jsonResponse(503, { code: 'SERVICE_UNAVAILABLE', message: 'Try again' }),
      'SERVICE_UNAVAILABLE',
    ],
  ] as const)(
    'keeps the session when the refresh %s, fails that request with it, and refreshes again next time',
    async (_what, failedRefresh, code) => {
      let refreshes = 0;
      const { fetch, calls } = fakeFetch((call) => {
        if (call.path === '/api/auth/refresh') {
          refreshes += 1;
          return refreshes === 1 ? failedRefresh() : jsonResponse(200, { accessToken: 'fresh' });
        }
        return call.authorization === 'Bearer fresh' ? jsonResponse(200, { ok: true }) : unauthenticated();
      });
      const client = createApiClient({ fetch });
      client.startSession('expired');
      const listener = vi.fn();
      client.subscribe(listener);

      await expect(client.get('/api/me', OkSchema)).rejects.toMatchObject({ code });
      expect(client.getStatus()).toBe('signed-in');
      expect(listener).not.toHaveBeenCalled();
      // The socket's reconnect keeps the token it has and tries again later.
      await expect(client.refreshAccessToken()).resolves.toBe('fresh');

      await expect(client.get('/api/me', OkSchema)).resolves.toEqual({ ok: true });
      expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(2);
      expect(client.getStatus()).toBe('signed-in');
    },
  );

  it('gives the realtime reconnect the token it holds when the refresh gets no answer', async () => {
    const client = createApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    client.startSession('held');
    await expect(client.refreshAccessToken()).resolves.toBe('held');
    expect(client.getStatus()).toBe('signed-in');
  });

  it('is signed out after start-up when the session check gets no answer (until the next load)', async () => {
    const client = createApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await client.restore();
    expect(client.getStatus()).toBe('signed-out');
  });

  it('restores the session once at start-up, however often restore is called', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(200, { accessToken: 'restored' }));
    const client = createApiClient({ fetch });
    expect(client.getStatus()).toBe('unknown');

    await Promise.all([client.restore(), client.restore()]);
    await client.restore();

    expect(calls.map((c) => c.path)).toEqual(['/api/auth/refresh']);
    // The server takes the refresh cookie only with a JSON body (no cross-site form can send one).
    expect(calls[0]).toMatchObject({ contentType: 'application/json', body: '{}' });
    expect(client.getStatus()).toBe('signed-in');
    await client.send('/api/auth/logout-all', 'POST').catch(() => undefined);
    expect(calls[1]?.authorization).toBe('Bearer restored');
  });

  it('is signed out after start-up when there is no valid refresh cookie', async () => {
    const { fetch } = fakeFetch(() => jsonResponse(401, { code: 'INVALID_TOKEN', message: 'No session' }));
    const client = createApiClient({ fetch });
    await client.restore();
    expect(client.getStatus()).toBe('signed-out');
  });

  it("is signed out after start-up when the server answers a guest's check with no token", async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(200, { accessToken: null }));
    const client = createApiClient({ fetch });
    await client.restore();
    expect(client.getStatus()).toBe('signed-out');
    expect(client.getAccessToken()).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('parses error bodies, validation issues and Retry-After', async () => {
    const issues = [{ path: ['email'], code: 'invalid_format', message: 'email.invalid' }];
    const { fetch } = fakeFetch((call) =>
      call.path === '/api/auth/signup'
        ? jsonResponse(400, { code: 'VALIDATION_FAILED', message: 'Invalid body', issues })
        : jsonResponse(429, { code: 'RATE_LIMITED', message: 'Slow down' }, { 'Retry-After': '12' }),
    );
    const client = createApiClient({ fetch });

    await expect(client.post('/api/auth/signup', {}, OkSchema)).rejects.toMatchObject({
      status: 400,
      issues,
    });
    await expect(client.post('/api/auth/login', {}, OkSchema)).rejects.toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      retryAfter: 12,
    });
  });

  it('turns a failed connection into a NETWORK_ERROR', async () => {
    const client = createApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(client.get('/api/me', OkSchema)).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});

describe('call (the contracts’ endpoints table)', () => {
  const comment = {
    id: '00000000-0000-4000-8000-000000000001',
    parentId: null,
    author: null,
    content: '같이 뛰어요',
    replyCount: 0,
    edited: false,
    deleted: false,
    createdAt: '2026-12-06T09:00:00.000Z',
    folded: false,
  };

  it('builds the path from encoded parameters and the query without empty values, and sends the body', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(200, { items: [], nextCursor: null }));
    const client = createApiClient({ fetch });

    await client.call(endpoints.getReplies, {
      params: { commentId: 'a/b c' },
      query: { limit: 20, cursor: '' },
    });
    await client.call(endpoints.getRuns, { query: 'region=seoul,busan' });
    await client.call(endpoints.getRuns);

    expect(calls.map((c) => c.path)).toEqual([
      '/api/comments/a%2Fb%20c/replies?limit=20',
      '/api/runs?region=seoul,busan',
      '/api/runs',
    ]);
  });

  it('sends JSON bodies, resolves a 204 with nothing, and rejects an answer its schema refuses', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.path === '/api/notifications/read'
        ? new Response(null, { status: 204 })
        : jsonResponse(200, { id: 1 }),
    );
    const client = createApiClient({ fetch });

    await expect(
      client.call(endpoints.markNotificationsRead, { body: { all: true } }),
    ).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({ contentType: 'application/json', body: '{"all":true}' });
    await expect(
      client.call(endpoints.editComment, { params: { commentId: comment.id }, body: { content: 'x' } }),
    ).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('maps error bodies to ApiError as every call does', async () => {
    const { fetch } = fakeFetch(() => jsonResponse(404, { code: 'RUN_NOT_FOUND', message: 'No such run' }));
    const client = createApiClient({ fetch });
    const failure = client.call(endpoints.getRun, { params: { runId: 'x' } });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 404, code: 'RUN_NOT_FOUND' });
  });

  it('sends a deferred endpoint at once and checks its answer once the contracts’ schemas are in', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.path === '/api/me' ? jsonResponse(200, { id: 'not a user' }) : new Response(null, { status: 204 }),
    );
    const client = createApiClient({ fetch });
    const schemas = deferred<typeof endpoints.getMe>();
    const answer = client.call({ method: 'GET', path: '/api/me', load: () => schemas.promise });
    // The request does not wait for the schemas' chunk…
    await vi.waitFor(() => expect(calls.map((c) => c.path)).toEqual(['/api/me']));
    // …its answer does, and is refused as any call's would be.
    schemas.resolve(endpoints.getMe);
    await expect(answer).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
    // A 204 and a failure, through the table the shell and the home page use.
    await expect(
      client.call(deferredEndpoints.markNotificationsRead, { body: { all: true } }),
    ).resolves.toBeUndefined();
    await expect(
      createApiClient({
        fetch: () => Promise.resolve(jsonResponse(404, { code: 'NOT_FOUND', message: 'x' })),
      }).call(deferredEndpoints.getMe),
    ).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('types parameters, query and body from the table', () => {
    const client = createApiClient({ fetch: () => Promise.resolve(jsonResponse(200, {})) });
    // @ts-expect-error — a path parameter is required
    void client.call(endpoints.getRun).catch(() => undefined);
    // @ts-expect-error — the body is the endpoint's
    void client.call(endpoints.markNotificationsRead, { body: { nope: 1 } }).catch(() => undefined);
    // @ts-expect-error — this endpoint has no query
    void client.call(endpoints.getMe, { query: { a: 1 } }).catch(() => undefined);
    expect(pathOf(endpoints.getRun, { runId: 'r' })).toBe('/api/runs/r');
  });
});
