import { createHash, randomBytes } from 'node:crypto';

/** A refresh token's or a mailed link's secret: 256 random bits, only its hash is stored. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256: the token is 256 random bits, so a fast hash is enough (nothing to brute-force). */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
