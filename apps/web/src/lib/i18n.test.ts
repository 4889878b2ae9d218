import {
  DISTANCE_BUCKETS,
  ERROR_CODES,
  REGIONS,
  RUNNING_LEVELS,
  THEMES,
  TIMES_OF_DAY,
} from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_TEXTS, koreanTree, splitTree } from '../../ko-texts.ts';
import { ApiError } from './api-error.ts';
import { i18n, loadLocaleTree } from './i18n.ts';
import { issueMessage } from './issue-message.ts';
import { errorMessage } from './messages.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('locales', () => {
  it('have the same keys in Korean and English', async () => {
    expect(keysOf(await loadLocaleTree('en')).sort()).toEqual(keysOf(await loadLocaleTree('ko')).sort());
  });

  it('cut Korean in two parts (first paint and rest) that make the whole tree again, sharing no text', async () => {
    const whole = koreanTree();
    expect(await loadLocaleTree('ko')).toEqual(whole);
    const { picked, rest } = splitTree(whole, FIRST_PAINT_TEXTS);
    const restKeys = new Set(keysOf(rest));
    expect(keysOf(picked).filter((key) => restKeys.has(key))).toEqual([]);
    expect(keysOf(picked)).toContain('validation.startsAt.tooSoon');
    expect(keysOf(rest)).toContain('validation.password.tooShort');
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

  it('give each server error code its own message in Korean and English, unless nobody can act on it', async () => {
    const trees = { ko: await loadLocaleTree('ko'), en: await loadLocaleTree('en') };
    // Bugs on either side: the person can only try again later, which is what the generic message says.
    const generic = new Set([
      'BAD_REQUEST',
      'METHOD_NOT_ALLOWED',
      'NOT_ACCEPTABLE',
      'ROUTE_NOT_FOUND',
      'INTERNAL_ERROR',
    ]);
    const at = (tree: unknown, key: string) =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    for (const code of ERROR_CODES) {
      const { key } = errorMessage(new ApiError({ status: 400, code, message: 'x' }));
      expect(key === 'errors.unknown', `${code} → ${key}`).toBe(generic.has(code));
      for (const language of ['ko', 'en'] as const) {
        expect(typeof at(trees[language], key), `${language}: ${code} → ${key}`).toBe('string');
      }
    }
    expect(errorMessage(new ApiError({ status: 404, code: 'CALENDAR_NOT_FOUND', message: 'x' }))).toEqual({
      key: 'errors.calendarNotFound',
    });
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
