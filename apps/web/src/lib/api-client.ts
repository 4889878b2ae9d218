import type { Endpoint, PathParamNames, PathParams } from '@erun/contracts';
import type { z } from 'zod';
import {
  ApiError,
  isAbortError,
  networkError,
  parseJson,
  toApiError,
  type RawResponse,
} from './api-error.ts';
import { loadContracts } from './load-contracts.ts';

export type AuthStatus = 'unknown' | 'signed-in' | 'signed-out';
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** Sends one attempt of a request with the given access token. */
type Transport = (accessToken: string | null) => Promise<RawResponse>;

export interface UploadOptions {
  /** Fraction 0–1 of the request body sent so far. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** A query as values by name (empty ones left out), or a search string already built (`a=1&b=2`). */
type QueryValues<Q extends z.ZodType> = { [K in keyof z.input<Q>]?: string | number | boolean | null };
/** What `call` needs for one endpoint: its path parameters, query and body, as its table entry says. */
export type CallOptions<E extends Endpoint> = ([PathParamNames<E['path']>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<E['path']> }) &
  (E extends { query: infer Q extends z.ZodType }
    ? { query?: QueryValues<Q> | string }
    : { query?: undefined }) &
  (E extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: undefined }) & {
    signal?: AbortSignal;
  };
/** The parsed answer of an endpoint; nothing for a 204. */
export type CallResult<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : void;
/** The options argument may be left out when an endpoint needs none. */
type CallArgs<E extends Endpoint> =
  object extends CallOptions<E> ? [options?: CallOptions<E>] : [options: CallOptions<E>];

/**
 * An endpoint known by its method and path only (`lib/deferred-endpoints.ts`): its schemas come with the
 * contracts' chunk, fetched alongside its first answer, so that what the home page calls first does not put zod and
 * every schema in the entry. `E` is the contracts' endpoint it stands for.
 */
export interface DeferredEndpoint<E extends Endpoint> {
  readonly method: E['method'];
  readonly path: E['path'];
  /** The contracts' endpoint, schemas included. */
  readonly load: () => Promise<E>;
}

/** The URL of an endpoint: its path with the parameters encoded, and the query when there is one. */
export function pathOf(
  endpoint: Pick<Endpoint, 'path'>,
  params: Record<string, string> = {},
  query?: Record<string, string | number | boolean | null | undefined> | string,
): string {
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  let search = '';
  if (typeof query === 'string') search = query;
  else if (query) {
    const values = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') values.set(key, String(value));
    }
    search = values.toString();
  }
  return search ? `${path}?${search}` : path;
}

export interface ApiClientOptions {
  /** Defaults to the global fetch, looked up at call time. */
  fetch?: typeof fetch;
}

const REFRESH_PATH = '/api/auth/refresh';

/**
 * The access token did not do: a 401, or a read (which takes an optional token) answered as a guest's and marked
 * `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750) — the 15 minutes of a token are up. Either way
 * the caller refreshes and asks again; a guest's answer kept would show a member the page of a stranger.
 */
function tokenRefused(response: RawResponse): boolean {
  return response.status === 401 || /\berror="invalid_token"/.test(response.header('www-authenticate') ?? '');
}
// These authenticate by credentials or by the refresh cookie: a 401 from them is an answer, not an expired token.
const NO_REFRESH_PATHS = new Set(['/api/auth/login', '/api/auth/signup', REFRESH_PATH, '/api/auth/logout']);

/**
 * The only way the web app talks to the API. The access token lives in this closure only (never in storage);
 * the refresh token is an httpOnly cookie the browser sends to /api/auth by itself.
 */
/**
 * Tabs share the refresh cookie. A Web Lock makes their refreshes take turns, so the second sends the rotated
 * cookie and the session goes on as one chain (two at once would get one successor, ADR 027).
 */
function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request('erun-refresh', task) as Promise<T>) : task();
}

/** The refresh answer of a reader without a session: an object whose `accessToken` is null. */
function isNoSession(body: unknown): boolean {
  return (
    typeof body === 'object' && body !== null && (body as { accessToken?: unknown }).accessToken === null
  );
}

export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  let token: string | null = null;
  let status: AuthStatus = 'unknown';
  let refreshing: Promise<string | null> | null = null;
  let restoring: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  function setSession(next: string | null): void {
    token = next;
    const nextStatus: AuthStatus = next === null ? 'signed-out' : 'signed-in';
    if (nextStatus === status) return;
    status = nextStatus;
    listeners.forEach((listener) => listener());
  }

  function fetchTransport(path: string, method: Method, body?: unknown, signal?: AbortSignal): Transport {
    return async (accessToken) => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (accessToken !== null) headers.Authorization = `Bearer ${accessToken}`;
      const init: RequestInit = { method, headers, credentials: 'same-origin', signal };
      if (body !== undefined) init.body = JSON.stringify(body);
      let response: Response;
      try {
        response = await doFetch(path, init);
      } catch (error) {
        if (isAbortError(error) || signal?.aborted === true) throw error;
        throw networkError();
      }
      const text = await response.text();
      return { status: response.status, header: (name) => response.headers.get(name), text };
    };
  }

  /**
   * Asks the server for a fresh access token. Only the server's word ends a session: a 401, or an answer with no
   * token. A refresh that got no answer (no network, a timeout) or a failure (503 while the database is down, a
   * 429) leaves the session as it is and rejects with that error, so the request that needed it fails with it
   * and the next one tries again; the refresh cookie is still good, and a retry of a refresh the server did
   * rotate gets the same successor (ADR 027). At start-up, such a reader is shown signed out until the next load.
   */
  async function runRefresh(): Promise<string | null> {
    let raw: RawResponse;
    try {
      // An empty JSON body: the server takes the refresh cookie only with JSON, which no cross-site form can send.
      raw = await acrossTabs(() => fetchTransport(REFRESH_PATH, 'POST', {})(null));
    } catch (error) {
      return undecided(isAbortError(error) ? networkError() : error);
    }
    if (raw.status !== 200 && raw.status !== 401) return undecided(await toApiError(raw));
    try {
      const body = raw.status === 200 ? parseJson(raw.text) : null;
      // A guest's answer (`{"accessToken":null}`, or none at all) needs no schema: a guest's first page then
      // never waits for the contracts' chunk, which is ~25 KB to fetch and long to evaluate on a phone.
      if (body === null || body === undefined || isNoSession(body)) {
        setSession(null);
        return token;
      }
      const { RefreshResponseSchema } = await loadContracts();
      const parsed = RefreshResponseSchema.safeParse(body);
      setSession(parsed.success ? parsed.data.accessToken : null);
    } catch {
      setSession(null);
    }
    return token;
  }

  /** A refresh without the server's word: the session stays as it was (signed out if it was not known yet). */
  function undecided(error: unknown): string | null {
    if (status === 'unknown') {
      setSession(null);
      return null;
    }
    throw error;
  }

  /**
   * One refresh in flight at a time: the cookie rotates on use, and a token presented again once its successor
   * was used revokes the session (ADR 027).
   */
  function refresh(): Promise<string | null> {
    refreshing ??= runRefresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function execute(path: string, transport: Transport): Promise<RawResponse> {
    // A refresh under way that fails tells its own caller; this request goes out and meets its own fate.
    if (refreshing) await refreshing.catch(() => undefined);
    const used = token;
    const first = await transport(used);
    const pathname = path.split('?')[0] ?? path;
    if (!tokenRefused(first) || used === null || NO_REFRESH_PATHS.has(pathname)) return first;
    // Another caller may have refreshed while this request was out: reuse its token instead of refreshing again.
    const fresh = token !== used ? token : await refresh();
    return fresh === null ? first : transport(fresh);
  }

  /**
   * Sends the request and checks its answer with `schema` (null: nothing to check, a 204), or rejects with the
   * ApiError of a failure (INVALID_RESPONSE for an answer the schema refuses).
   */
  async function answer(
    path: string,
    transport: Transport,
    schema: z.ZodType | null | Promise<z.ZodType | null>,
  ): Promise<unknown> {
    const raw = await execute(path, transport);
    if (raw.status < 200 || raw.status >= 300) throw await toApiError(raw);
    const expected = await schema;
    if (expected === null) return undefined;
    const parsed = expected.safeParse(parseJson(raw.text));
    if (!parsed.success) {
      throw new ApiError({ status: raw.status, code: 'INVALID_RESPONSE', message: parsed.error.message });
    }
    return parsed.data;
  }

  const json = <T>(path: string, transport: Transport, schema: z.ZodType<T>) =>
    answer(path, transport, schema) as Promise<T>;
  const empty = (path: string, transport: Transport) => answer(path, transport, null) as Promise<void>;

  /** A deferred endpoint's response schema, fetched while its request is out. */
  function responseSchema(endpoint: DeferredEndpoint<Endpoint>): Promise<z.ZodType | null> {
    const schema = endpoint.load().then((loaded) => loaded.response);
    // Handled here too: should the request fail first, its error is the one to report.
    schema.catch(() => undefined);
    return schema;
  }

  /**
   * Calls one endpoint of the contracts' table: builds its URL, sends its body as JSON, checks the answer with the
   * endpoint's schema (INVALID_RESPONSE when it does not match) and rejects with an ApiError as every call does.
   */
  function call<E extends Endpoint>(
    endpoint: E | DeferredEndpoint<E>,
    ...[options]: CallArgs<E>
  ): Promise<CallResult<E>> {
    const { params, query, body, signal } = (options ?? {}) as {
      params?: Record<string, string>;
      query?: Record<string, string | number | boolean | null | undefined> | string;
      body?: unknown;
      signal?: AbortSignal;
    };
    const path = pathOf(endpoint, params, query);
    const transport = fetchTransport(path, endpoint.method, body, signal);
    const schema = 'load' in endpoint ? responseSchema(endpoint) : endpoint.response;
    return answer(path, transport, schema) as Promise<CallResult<E>>;
  }

  return {
    call,
    get: <T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal) =>
      json(path, fetchTransport(path, 'GET', undefined, signal), schema),
    post: <T>(path: string, body: unknown, schema: z.ZodType<T>) =>
      json(path, fetchTransport(path, 'POST', body), schema),
    patch: <T>(path: string, body: unknown, schema: z.ZodType<T>) =>
      json(path, fetchTransport(path, 'PATCH', body), schema),
    put: <T>(path: string, body: unknown, schema: z.ZodType<T>) =>
      json(path, fetchTransport(path, 'PUT', body), schema),
    /** For endpoints that answer 204 No Content. */
    send: (path: string, method: Method, body?: unknown) => empty(path, fetchTransport(path, method, body)),
    upload: <T>(path: string, form: FormData, schema: z.ZodType<T>, upload: UploadOptions = {}) =>
      json(path, xhrTransport(path, form, upload), schema),
    /** Restores the session from the refresh cookie; called once at start-up, later calls share the result. */
    restore: (): Promise<void> => (restoring ??= refresh().then(() => undefined)),
    startSession: (accessToken: string) => setSession(accessToken),
    endSession: () => setSession(null),
    getStatus: (): AuthStatus => status,
    /** The current access token, for the realtime handshake; null when signed out. */
    getAccessToken: (): string | null => token,
    /**
     * A fresh access token through the same single-flight refresh requests use (null: the session ended). When
     * the refresh got no answer, the token held (the caller tries again later).
     */
    refreshAccessToken: (): Promise<string | null> => refresh().catch(() => token),
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Upload with progress events, which fetch cannot report for request bodies. */
function xhrTransport(path: string, form: FormData, options: UploadOptions): Transport {
  return (accessToken) =>
    new Promise<RawResponse>((resolve, reject) => {
      const abortError = () => new DOMException('Upload aborted', 'AbortError');
      if (options.signal?.aborted === true) return reject(abortError());
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.setRequestHeader('Accept', 'application/json');
      if (accessToken !== null) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
      };
      xhr.onload = () =>
        resolve({
          status: xhr.status,
          header: (name) => xhr.getResponseHeader(name),
          text: xhr.responseText,
        });
      xhr.onerror = () => reject(networkError());
      xhr.onabort = () => reject(abortError());
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });
}

/** The server renderer's transport (entry-server.tsx: the page's API calls made in-process); unset in browsers. */
let serverFetch: typeof fetch | null = null;
export function setServerFetch(fetcher: typeof fetch): void {
  serverFetch = fetcher;
}

export const apiClient = createApiClient({
  fetch: (input, init) => (serverFetch ?? globalThis.fetch)(input, init),
});
