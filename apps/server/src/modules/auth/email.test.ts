import { describe, expect, it } from 'vitest';
import { hashEmailToken, maskEmail, newEmailToken } from './email.service.ts';

describe('email links', () => {
  it('are 256 random bits in base64url, stored as their SHA-256', () => {
    const token = newEmailToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newEmailToken()).not.toBe(token);
    expect(hashEmailToken(token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashEmailToken(token)).not.toBe(token);
  });

  it('mask an address to its first letter and domain', () => {
    expect(maskEmail('runner@example.com')).toBe('r***@example.com');
    expect(maskEmail('a@b.co')).toBe('a***@b.co');
    expect(maskEmail('broken')).toBe('***');
  });
});
