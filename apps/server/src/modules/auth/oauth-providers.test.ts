import { describe, expect, it } from 'vitest';
import { fitNickname } from './oauth-providers.ts';

describe('fitNickname', () => {
  it('keeps a nickname that fits', () => expect(fitNickname('달리는곰')).toBe('달리는곰'));
  it('cuts a long one to 12 characters', () =>
    expect(fitNickname('가나다라마바사아자차카타파하')).toBe('가나다라마바사아자차카타'));
  it('drops characters outside the rules (emoji, symbols)', () =>
    expect(fitNickname('🏃런너<b>')).toBe('런너b'));
  it('replaces a missing or too-short one with a placeholder', () => {
    expect(fitNickname(undefined)).toMatch(/^러너\d{4}$/);
    expect(fitNickname('a')).toMatch(/^러너\d{4}$/);
  });
});
