import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { USER_AGENT_MAX } from './device-info.ts';
import { COOKIE_PATH } from './session-cookie.ts';
import type { RequestContext } from './sessions.service.ts';

export const DEVICE_COOKIE = 'erun_device';
const DEVICE_COOKIE_MAX_AGE_SEC = 365 * 24 * 60 * 60;
/** 256 random bits, base64url: what this server hands out; anything else a browser sends is replaced. */
const DEVICE_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * The long-lived device cookie (issue 15): a random id per browser, sent only to `/api/auth`, that tells a
 * sign-in from a browser the account has used before from a new one. The server keeps only its keyed hash
 * (`deviceHash`), so the table cannot be used to recognise a browser elsewhere.
 */
export function deviceCookies(secure: boolean) {
  const options = { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure } as const;
  /** This browser's device id: the cookie it sent, or a new one set on the reply. The year starts again. */
  const ensure = (request: FastifyRequest, reply: FastifyReply): string => {
    const sent = request.cookies[DEVICE_COOKIE];
    const id = sent !== undefined && DEVICE_ID.test(sent) ? sent : randomBytes(32).toString('base64url');
    void reply.setCookie(DEVICE_COOKIE, id, { ...options, maxAge: DEVICE_COOKIE_MAX_AGE_SEC });
    return id;
  };
  return {
    ensure,
    /** Where a sign-in or refresh comes from, for the service (the device cookie ensured on the reply). */
    context(request: FastifyRequest, reply: FastifyReply): RequestContext {
      return {
        ip: request.ip,
        userAgent: (request.headers['user-agent'] ?? '').slice(0, USER_AGENT_MAX),
        deviceId: ensure(request, reply),
      };
    },
  };
}
export type DeviceCookies = ReturnType<typeof deviceCookies>;

/** The keyed hash stored for a device id (HMAC-SHA-256 with the cookie secret). */
export function deviceHasher(key: string): (deviceId: string) => string {
  return (deviceId) => createHmac('sha256', key).update(deviceId).digest('base64url');
}
