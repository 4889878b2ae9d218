import { ValidationError } from './errors.ts';

/**
 * The one page cursor of every list: base64url JSON `[sortKey, id]` of the last item of the previous page.
 * A client can send anything back, so what comes in is range-checked against the kind of key the sort uses
 * before it reaches SQL: an instant PostgreSQL can store, an int4 counter, a finite score, or (a keyword's
 * relevance and the recommended order) `[points, instant]`: an integer score and the start time.
 */
export type CursorKind = 'time' | 'int' | 'number' | 'rank';
export type RankKey = [number, string];

/** Instants as `Date#toISOString` writes them, in the years a run or a message can have. */
const ISO_INSTANT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const YEARS = { min: 2000, max: 2100 };
const INT4_MAX = 2_147_483_647;
// Courses' "best" is a few units; the crew list's key is below 2·10⁹ (the crew a keyword names is lifted by 10⁹).
const SCORE_MAX = 2e9;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(value: string | number | RankKey, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** The cursor's key and id, or undefined without a cursor; a 400 for one this sort could not have written. */
export function decodeCursor(cursor: string | undefined, kind: 'time'): [string, string] | undefined;
export function decodeCursor(
  cursor: string | undefined,
  kind: 'int' | 'number',
): [number, string] | undefined;
export function decodeCursor(cursor: string | undefined, kind: 'rank'): [RankKey, string] | undefined;
export function decodeCursor(
  cursor: string | undefined,
  kind: Exclude<CursorKind, 'rank'>,
): [string | number, string] | undefined;
export function decodeCursor(
  cursor: string | undefined,
  kind: CursorKind,
): [string | number | RankKey, string] | undefined;
export function decodeCursor(
  cursor: string | undefined,
  kind: CursorKind,
): [string | number | RankKey, string] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const parsed = parse(cursor);
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [value, id] = parsed as unknown[];
  if (typeof id !== 'string' || !UUID.test(id) || !validKey(value, kind)) throw invalidCursor();
  return [value as string | number | RankKey, id];
}

function parse(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return undefined;
  }
}

function validKey(value: unknown, kind: CursorKind): boolean {
  if (kind === 'rank') {
    if (!Array.isArray(value) || value.length !== 2) return false;
    const [points, at] = value as unknown[];
    return (
      Number.isInteger(points) &&
      (points as number) >= 0 &&
      (points as number) <= INT4_MAX &&
      validKey(at, 'time')
    );
  }
  if (Array.isArray(value)) return false;
  if (typeof value === 'number') {
    // Counters are int4; scores (courses' "best") are non-negative floats of a few units.
    if (kind === 'int') return Number.isInteger(value) && value >= 0 && value <= INT4_MAX;
    return kind === 'number' && value >= 0 && value <= SCORE_MAX;
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
