import type { FastifyRequest } from 'fastify';

/**
 * Query parameters that carry a secret (OAuth's code and state, tokens of any kind) or someone's address (the
 * sign-up form's 중복확인 asks about an address that may not be the asker's: the log keeps no list of them).
 */
const SECRET_PARAMS = /^(code|state|token|access_token|refresh_token|id_token|email)$/i;
/** A personal calendar feed's address is its secret (`/api/calendar/<token>.ics`). */
const SECRET_PATHS: [RegExp, string][] = [[/^(\/api\/calendar\/)[^/?]+/, '$1[redacted]']];

/** A request url as it may be written to a log: secrets in the path or the query string replaced. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  let path = mark === -1 ? url : url.slice(0, mark);
  for (const [pattern, replacement] of SECRET_PATHS) path = path.replace(pattern, replacement);
  if (mark === -1) return path;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // a malformed name is written as it came
      }
      return eq !== -1 && SECRET_PARAMS.test(decoded) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

/** Fastify's request serializer (the `req` of "incoming request"), with the url redacted. */
export const logSerializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
};
