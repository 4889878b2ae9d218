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
 * its own stack (a deeply nested JSON body must not overflow the call stack) through arrays and plain objects
 * only (parsed JSON and query strings; never a stream or a cycle).
 */
export function forbiddenCharPath(input: unknown): (string | number)[] | null {
  // Each entry links to its parent instead of copying its path: linear in the size of the input.
  const stack: Step[] = [{ value: input, key: null, parent: null }];
  const seen = new Set<unknown>();
  for (let step = stack.pop(); step; step = stack.pop()) {
    const { value } = step;
    if (typeof value === 'string') {
      if (FORBIDDEN_TEXT_CHARS.test(value)) return pathOf(step);
    } else if (seen.has(value)) {
      continue;
    } else if (Array.isArray(value)) {
      seen.add(value);
      value.forEach((v: unknown, i) => stack.push({ value: v, key: i, parent: step }));
    } else if (isPlainObject(value)) {
      seen.add(value);
      for (const [key, v] of Object.entries(value)) {
        if (FORBIDDEN_TEXT_CHARS.test(key)) return [...pathOf(step), key];
        stack.push({ value: v, key, parent: step });
      }
    }
  }
  return null;
}

interface Step {
  value: unknown;
  key: string | number | null;
  parent: Step | null;
}

function pathOf(step: Step): (string | number)[] {
  const path: (string | number)[] = [];
  for (let s: Step | null = step; s && s.key !== null; s = s.parent) path.push(s.key);
  return path.reverse();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  // Object literals, and the null-prototype objects query-string and router parsers build (`new Empty()`).
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Refuses input with a forbidden character anywhere (message `text.controlChar`). The server runs it before
 * every route's own schema (body, query string, path parameters), so a new field is covered without a word.
 */
export const CleanTextSchema = z.unknown().superRefine((value, ctx) => {
  const path = forbiddenCharPath(value);
  if (path) ctx.addIssue({ code: 'custom', path, message: 'text.controlChar' });
});

/**
 * The form text is compared in by every search and name identity: NFC (a decomposed 한글 from another keyboard
 * is the same word), lower-cased, without any whitespace ("한강 러닝" = "한강러닝"). The server's search module
 * (apps/server/src/lib/search-text.ts) builds on it; crew names are unique by it (crewNameKey).
 */
export function searchKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, '');
}
