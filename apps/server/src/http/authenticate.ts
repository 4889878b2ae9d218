import type { FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../lib/errors.ts';
import type { AccessTokens } from '../modules/auth/access-tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` (always) and `identify` (when a valid token came). */
    userId: string | null;
  }
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

/**
 * preHandlers: `authenticate` requires a valid access token of an account that still exists (a deleted
 * account's tokens stop working at once: one primary-key lookup per authenticated request); `identify`
 * accepts a guest and only checks the token (reads; a deleted account's token expires within 15 minutes).
 */
export function authHooks(
  tokens: AccessTokens,
  isActive: (userId: string) => Promise<boolean> = async () => true,
) {
  return {
    authenticate: async (request: FastifyRequest): Promise<void> => {
      const token = bearerOf(request);
      const userId = token ? await tokens.verify(token) : null;
      if (!userId || !(await isActive(userId))) throw new UnauthorizedError();
      request.userId = userId;
    },
    identify: async (request: FastifyRequest): Promise<void> => {
      const token = bearerOf(request);
      request.userId = token ? await tokens.verify(token) : null;
    },
  };
}

/** The caller's id inside a route that ran `authenticate`. */
export function userIdOf(request: FastifyRequest): string {
  if (!request.userId) throw new UnauthorizedError();
  return request.userId;
}
