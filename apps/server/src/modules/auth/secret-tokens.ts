import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A refresh token's or a mailed link's secret: 256 random bits, only its hash is stored. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256: the token is 256 random bits, so a fast hash is enough (nothing to brute-force). */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The refresh token that replaces `token` at its rotation: derived, not drawn, so that a refresh retried after
 * its answer was lost gets the very same successor (ADR 027). Keyed: without the server's key, holding a token
 * tells nothing of the ones after it.
 */
export function successorToken(key: string, token: string): string {
  return createHmac('sha256', key).update('erun refresh successor\0').update(token).digest('base64url');
}
