import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

type Handler = (call: RecordedCall) => Response | Promise<Response>;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * Replaces fetch with a router over `"METHOD /path"` handlers (a trailing `*` matches any rest, e.g. a query
 * string); unknown routes answer 404. Records every call.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const path = input instanceof Request ? input.url : input.toString();
    const headers = new Headers(init.headers);
    const call: RecordedCall = {
      method: init.method ?? 'GET',
      path,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      authorization: headers.get('authorization'),
    };
    calls.push(call);
    const key = `${call.method} ${path}`;
    const handler =
      handlers[key] ??
      Object.entries(handlers).find(([k]) => k.endsWith('*') && key.startsWith(k.slice(0, -1)))?.[1];
    if (handler) return handler(call);
    return Promise.resolve(jsonResponse(404, { code: 'ROUTE_NOT_FOUND', message: `No mock for ${path}` }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}
