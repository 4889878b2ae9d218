import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from './errors.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The codes the server's own source answers with: the first string literal given to an error's constructor
 * (`new ConflictError('X', …)`, `new AppError(409, 'X', …)`) and the error handler's per-status table
 * (`404: ['NOT_FOUND', …]`).
 */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /new \w*Error\(\s*(?:\d+,\s*)?'([A-Z][A-Z0-9_]+)'/g,
    /^\s*\d{3}: \['([A-Z][A-Z0-9_]+)'/gm,
  ];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) found.set(match[1] ?? '', file.slice(SRC.length));
    }
  }
  return found;
}

describe('error codes', () => {
  it('are all in the contract, so that the web has a message for each (CALENDAR_NOT_FOUND was not)', () => {
    const found = codesInSource();
    expect(found.get('CALENDAR_NOT_FOUND')).toBe('modules/calendar/calendar.service.ts');
    expect(found.size).toBeGreaterThan(30);
    const known = new Set<string>(ERROR_CODES);
    const missing = [...found]
      .filter(([code]) => !known.has(code))
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('are typed from the contract: an unknown code does not compile', () => {
    // @ts-expect-error — not in ERROR_CODES
    const error = new NotFoundError('NO_SUCH_CODE');
    expect(error.statusCode).toBe(404);
  });
});
