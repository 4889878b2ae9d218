import {
  DISTANCE_BUCKETS,
  ERROR_CODES,
  REGIONS,
  RUNNING_LEVELS,
  THEMES,
  TIMES_OF_DAY,
} from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { i18n, localeTree } from './i18n.ts';
import { errorMessage, issueMessage } from './messages.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('locales', () => {
  it('have the same keys in Korean and English', () => {
    expect(keysOf(localeTree('en')).sort()).toEqual(keysOf(localeTree('ko')).sort());
  });

  it('label every domain value from DOMAIN.md', () => {
    const keys = [
      ...REGIONS.map((v) => `region.${v}`),
      ...RUNNING_LEVELS.map((v) => `level.${v}`),
      ...DISTANCE_BUCKETS.map((v) => `distance.${v}`),
      ...THEMES.map((v) => `theme.${v}`),
      ...TIMES_OF_DAY.map((v) => `timeOfDay.${v}`),
    ];
    for (const key of keys) expect(i18n.exists(key), key).toBe(true);
    expect(i18n.t('level.5to10')).toBe('5–10회');
    expect(i18n.t('region.gyeongnam')).toBe('경남');
  });

  it('translate every server error code to an existing message', () => {
    for (const code of ERROR_CODES) {
      const { key } = errorMessage(new ApiError({ status: 400, code, message: 'x', retryAfter: 5 }));
      expect(i18n.exists(key), `${code} → ${key}`).toBe(true);
    }
  });

  it('translate contract messages by key and zod issues generically', () => {
    expect(issueMessage({ code: 'too_small', message: 'password.tooShort' })).toEqual({
      key: 'validation.password.tooShort',
    });
    expect(
      issueMessage({ code: 'too_small', message: 'Too small: expected string to have >=1 characters' }),
    ).toEqual({
      key: 'validation.generic.too_small',
    });
    expect(issueMessage({ code: 'something_new', message: 'Whatever' })).toEqual({
      key: 'validation.generic.default',
    });
  });
});
