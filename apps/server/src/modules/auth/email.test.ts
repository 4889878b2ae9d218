import { describe, expect, it } from 'vitest';
import { maskEmail } from './email.service.ts';
import { hashSecretToken, newSecretToken } from './secret-tokens.ts';

describe('email links', () => {
  it('are 256 random bits in base64url, stored as their SHA-256', () => {
    const token = newSecretToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecretToken()).not.toBe(token);
    expect(hashSecretToken(token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashSecretToken(token)).not.toBe(token);
  });

  it('mask an address to its first letter and domain', () => {
    expect(maskEmail('runner@example.com')).toBe('r***@example.com');
    expect(maskEmail('a@b.co')).toBe('a***@b.co');
    expect(maskEmail('broken')).toBe('***');
  });
});
