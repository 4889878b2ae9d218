import { z } from 'zod';

/**
 * Characters no text of ours may hold: C0 controls but tab, line feed and carriage return; U+FFFE/U+FFFF;
 * lone surrogates. PostgreSQL refuses NUL in text, XML 1.0 (the GPX export) refuses all of them, iCalendar
 * allows none but tab. Paired surrogates (emoji) are one code point under the `u` flag and do not match.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const FORBIDDEN_TEXT_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** The same characters, every occurrence: for writers that must clean what older versions stored. */
export const stripForbiddenChars = (s: string): string =>
  s.replace(new RegExp(FORBIDDEN_TEXT_CHARS.source, 'gu'), '');

/**
 * The path of the first string (value or key) in `input` holding a forbidden character, or null. Walks with
 * its own stack: a deeply nested JSON body must not overflow the call stack.
 */
export function forbiddenCharPath(input: unknown): (string | number)[] | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path } = item;
    if (typeof value === 'string') {
      if (FORBIDDEN_TEXT_CHARS.test(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((v: unknown, i) => stack.push({ value: v, path: [...path, i] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (FORBIDDEN_TEXT_CHARS.test(key)) return [...path, key];
        stack.push({ value: v, path: [...path, key] });
      }
    }
  }
  return null;
}

/**
 * Refuses input with a forbidden character anywhere (message `text.controlChar`). The server runs it before
 * every route's own schema (body, query string, path parameters), so a new field is covered without a word.
 */
export const CleanTextSchema = z.unknown().superRefine((value, ctx) => {
  const path = forbiddenCharPath(value);
  if (path) ctx.addIssue({ code: 'custom', path, message: 'text.controlChar' });
});
