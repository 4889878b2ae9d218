import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for these options, worked out once. They depend on the options only (no nonces),
 * so every response gets the same list; @fastify/helmet rebuilt helmet — parsing the CSP directives — on
 * every request (ADR 008).
 */
export function securityHeaders(options: HelmetOptions): [name: string, value: string][] {
  const headers: [string, string][] = [];
  const response = {
    setHeader: (name: string, value: unknown) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error('helmet refused its options');
  });
  return headers;
}

/**
 * What an API response needs (ADR 026, after OWASP's REST security cheat sheet): JSON, a calendar file or a GPX
 * track is never a document that loads anything, so its policy allows nothing and no framing; nosniff keeps a
 * browser from reading it as something else, CORP keeps other sites from embedding it, HSTS holds for the host.
 * The headers that only steer a document (COOP, Origin-Agent-Cluster, Referrer-Policy, X-DNS-Prefetch-Control,
 * X-Download-Options, X-Permitted-Cross-Domain-Policies, X-XSS-Protection) are left to pages: each costs every
 * client a header line to parse on the most frequent responses.
 */
export const API_HEADER_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: { policy: 'same-origin' },
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: { action: 'deny' },
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

/** A request for the API's own answers (not the pages, and not the API's browsable docs, which are a page). */
export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

/**
 * Sets helmet's headers on every response, as @fastify/helmet did: on the raw response, at onRequest. Pages (and
 * everything outside `/api/`) get `pageOptions`; the API's responses get API_HEADER_OPTIONS (ADR 026).
 */
export function registerSecurityHeaders(app: FastifyInstance, pageOptions: HelmetOptions): void {
  const pageHeaders = securityHeaders(pageOptions);
  const apiHeaders = securityHeaders(API_HEADER_OPTIONS);
  app.addHook('onRequest', (request, reply, done) => {
    const headers = isApiUrl(request.url) ? apiHeaders : pageHeaders;
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
