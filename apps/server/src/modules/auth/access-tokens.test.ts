import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_SEC, AccessTokens } from './access-tokens.ts';

const SECRET = 'a'.repeat(64);

function movableClock(start = new Date('2026-11-25T06:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('AccessTokens', () => {
  it('verifies its own tokens and refuses forged, foreign and malformed ones', async () => {
    const tokens = new AccessTokens(SECRET, movableClock());
    const token = await tokens.issue('user-1');
    expect(await tokens.verify(token)).toBe('user-1');

    const [header, payload, signature = ''] = token.split('.');
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await tokens.verify(`${header}.${payload}.${flipped}`)).toBeNull();
    const other = await new AccessTokens('b'.repeat(64), movableClock()).issue('user-1');
    expect(await tokens.verify(other)).toBeNull();
    expect(await tokens.verify('not-a-token')).toBeNull();
    // The verified one still verifies (the refusals did not disturb what is remembered).
    expect(await tokens.verify(token)).toBe('user-1');
  });

  it('carries the session id (sid) it was issued for; a token without one says null', async () => {
    const tokens = new AccessTokens(SECRET, movableClock());
    const sid = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
    expect(await tokens.verifyWithExpiry(await tokens.issue('user-1', sid))).toMatchObject({
      userId: 'user-1',
      sessionId: sid,
    });
    expect(await tokens.verifyWithExpiry(await tokens.issue('user-1'))).toMatchObject({ sessionId: null });
    // A sid that is not a session id is no token of ours.
    expect(await tokens.verifyWithExpiry(await tokens.issue('user-1', 'not-a-uuid'))).toBeNull();
  });

  it('refuses a remembered token once it has expired', async () => {
    const clock = movableClock();
    const tokens = new AccessTokens(SECRET, clock);
    const token = await tokens.issue('user-1');
    expect(await tokens.verify(token)).toBe('user-1');
    clock.advance(ACCESS_TOKEN_TTL_SEC * 1000 - 1000);
    expect(await tokens.verify(token)).toBe('user-1');
    clock.advance(2000);
    expect(await tokens.verify(token)).toBeNull();
    expect(await tokens.verifyWithExpiry(token)).toBeNull();
  });

  it('keeps verifying correctly past the number of tokens it remembers', async () => {
    const clock = movableClock();
    const tokens = new AccessTokens(SECRET, clock, 3);
    const issued = await Promise.all(Array.from({ length: 5 }, (_, i) => tokens.issue(`user-${i}`)));
    for (const token of issued) expect(await tokens.verify(token)).not.toBeNull();
    // The oldest were forgotten and verify again from scratch; the newest come from memory: same answers,
    // and both kinds still expire.
    expect(await tokens.verify(issued[0] as string)).toBe('user-0');
    expect(await tokens.verify(issued[4] as string)).toBe('user-4');
    clock.advance(ACCESS_TOKEN_TTL_SEC * 1000 + 1000);
    expect(await tokens.verify(issued[0] as string)).toBeNull();
    expect(await tokens.verify(issued[4] as string)).toBeNull();
  });
});
