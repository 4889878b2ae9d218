import { webcrypto } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../../ports/clock.ts';

export const ACCESS_TOKEN_TTL_SEC = 15 * 60;
const ISSUER = 'erun-jrun';
const AUDIENCE = 'erun-jrun:api';

/** How many verified tokens each process remembers (a few MB at most). */
const VERIFIED_CACHE_SIZE = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a valid token says: whose it is, the session (sign-in) it was issued for, and until when. */
export interface AccessClaims {
  userId: string;
  /** The `sid` claim: the session, i.e. refresh-token family. Null for tokens minted without one. */
  sessionId: string | null;
  expiresAt: Date;
}

/**
 * Short-lived HS256 JWTs; `typ` keeps them distinct from any other token we might sign (W#2).
 *
 * Verifying costs a WebCrypto HMAC (about 0.1 ms of CPU, far more on a busy machine), and a signed-in client
 * sends the same token with every request for its 15 minutes; so a token that verified is remembered, by its
 * whole text (signature included), until it expires. Only a token that passed every check gets in, and each
 * hit checks the expiry against the clock again.
 */
export class AccessTokens {
  private readonly key: Promise<webcrypto.CryptoKey>;
  private readonly verified = new Map<string, AccessClaims>();

  constructor(
    secret: string,
    private readonly clock: Clock,
    /** How many verified tokens to remember. */
    private readonly remember = VERIFIED_CACHE_SIZE,
  ) {
    // Imported once: handing jose the raw bytes would import the key again on every call.
    this.key = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
  }

  /** A token for the user; `sessionId` (the sign-in's session) makes it die with that session. */
  async issue(userId: string, sessionId?: string): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT(sessionId === undefined ? { typ: 'access' } : { typ: 'access', sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ACCESS_TOKEN_TTL_SEC)
      .sign(await this.key);
  }

  /** The user id of a valid token, or null for anything else (expired, forged, malformed). */
  async verify(token: string): Promise<string | null> {
    return (await this.verifyWithExpiry(token))?.userId ?? null;
  }

  async verifyWithExpiry(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (this.clock.now() < known.expiresAt) return known;
      this.verified.delete(token);
    }
    const checked = await this.check(token);
    if (checked) {
      if (this.verified.size >= this.remember) {
        // Forget the oldest entry (a Map iterates in insertion order).
        const oldest = this.verified.keys().next();
        if (!oldest.done) this.verified.delete(oldest.value);
      }
      this.verified.set(token, checked);
    }
    return checked;
  }

  private async check(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
      });
      if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number')
        return null;
      const sid = payload.sid;
      if (sid !== undefined && (typeof sid !== 'string' || !UUID.test(sid))) return null;
      return { userId: payload.sub, sessionId: sid ?? null, expiresAt: new Date(payload.exp * 1000) };
    } catch {
      return null;
    }
  }
}
