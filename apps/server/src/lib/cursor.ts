import { ValidationError } from './errors.ts';

/**
 * The one page cursor of every list: base64url JSON `[sortKey, id]` of the last item of the previous page.
 * A client can send anything back, so what comes in is range-checked against the kind of key the sort uses
 * before it reaches SQL: an instant PostgreSQL can store, an int4 counter, a finite score.
 */
export type CursorKind = 'time' | 'int' | 'number' | 'scoreTime';

/** Instants as `Date#toISOString` writes them, in the years a run or a message can have. */
const ISO_INSTANT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const YEARS = { min: 2000, max: 2100 };
const INT4_MAX = 2_147_483_647;
const SCORE_MAX = 1e9;
/** A ranked list's key: a small integer score and the start time, `"<score>|<instant>"`. */
const SCORE_TIME = /^(\d{1,3})\|(.+)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** The cursor's key and id, or undefined without a cursor; a 400 for one this sort could not have written. */
export function decodeCursor(cursor: string | undefined, kind: 'time'): [string, string] | undefined;
export function decodeCursor(
  cursor: string | undefined,
  kind: 'int' | 'number',
): [number, string] | undefined;
export function decodeCursor(
  cursor: string | undefined,
  kind: CursorKind,
): [string | number, string] | undefined;
export function decodeCursor(
  cursor: string | undefined,
  kind: CursorKind,
): [string | number, string] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const parsed = parse(cursor);
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [value, id] = parsed as unknown[];
  if (typeof id !== 'string' || !UUID.test(id) || !validKey(value, kind)) throw invalidCursor();
  return [value as string | number, id];
}

function parse(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return undefined;
  }
}

function validKey(value: unknown, kind: CursorKind): boolean {
  if (typeof value === 'number') {
    // Counters are int4; scores (courses' "best") are non-negative floats of a few units.
    if (kind === 'int') return Number.isInteger(value) && value >= 0 && value <= INT4_MAX;
    return kind === 'number' && value >= 0 && value <= SCORE_MAX;
  }
  if (kind === 'scoreTime' && typeof value === 'string') {
    const match = SCORE_TIME.exec(value);
    return match !== null && validKey(match[2], 'time');
  }
  if (kind !== 'time' || typeof value !== 'string') return false;
  const year = ISO_INSTANT.exec(value)?.[1];
  if (!year || Number(year) < YEARS.min || Number(year) > YEARS.max) return false;
  // Round-trips only when every field is in range (no 2026-02-31, no 25:00).
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

function invalidCursor(): ValidationError {
  return new ValidationError('Invalid cursor', [
    { path: ['querystring', 'cursor'], code: 'custom', message: 'cursor.invalid' },
  ]);
}
