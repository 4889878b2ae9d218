import { jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../../ports/clock.ts';

export const ACCESS_TOKEN_TTL_SEC = 15 * 60;
const ISSUER = 'erun-jrun';
const AUDIENCE = 'erun-jrun:api';

/** Short-lived HS256 JWTs; `typ` keeps them distinct from any other token we might sign (W#2). */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(userId: string): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ typ: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ACCESS_TOKEN_TTL_SEC)
      .sign(this.key);
  }

  /** The user id of a valid token, or null for anything else (expired, forged, malformed). */
  async verify(token: string): Promise<string | null> {
    return (await this.verifyWithExpiry(token))?.userId ?? null;
  }

  async verifyWithExpiry(token: string): Promise<{ userId: string; expiresAt: Date } | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
      });
      if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number')
        return null;
      return { userId: payload.sub, expiresAt: new Date(payload.exp * 1000) };
    } catch {
      return null;
    }
  }
}
