import type { FastifyReply, FastifyRequest } from 'fastify';
import { REFRESH_TOKEN_TTL_MS } from './refresh-tokens.ts';

export const REFRESH_COOKIE = 'erun_refresh';
export const COOKIE_PATH = '/api/auth';

/** Secure everywhere but on localhost, where development runs on plain http. */
export function isSecureOrigin(publicUrl: string): boolean {
  const { protocol, hostname } = new URL(publicUrl);
  return protocol === 'https:' || !['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

export function sessionCookies(secure: boolean) {
  const base = { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure } as const;
  return {
    set(reply: FastifyReply, refreshToken: string): void {
      void reply.setCookie(REFRESH_COOKIE, refreshToken, { ...base, maxAge: REFRESH_TOKEN_TTL_MS / 1000 });
    },
    clear(reply: FastifyReply): void {
      void reply.clearCookie(REFRESH_COOKIE, base);
    },
    read(request: FastifyRequest): string | undefined {
      return request.cookies[REFRESH_COOKIE];
    },
  };
}
export type SessionCookies = ReturnType<typeof sessionCookies>;
