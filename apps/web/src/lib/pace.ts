/**
 * A pace per km from a form's minutes and seconds inputs: null when both are empty, NaN when it is not a pace.
 * Seconds are 0–59: "5분 75초" is refused (see paceSecondsInvalid), never carried over into 6'15".
 */
export function paceOf(minutes: string, seconds: string): number | null {
  if (minutes.trim() === '' && seconds.trim() === '') return null;
  if (paceSecondsInvalid(seconds)) return Number.NaN;
  const total = Number(minutes || 0) * 60 + Number(seconds || 0);
  return Number.isInteger(total) ? total : Number.NaN;
}

/** The seconds input holds something other than a whole 0–59. */
export function paceSecondsInvalid(seconds: string): boolean {
  if (seconds.trim() === '') return false;
  const value = Number(seconds);
  return !Number.isInteger(value) || value < 0 || value > 59;
}

/** The issue message of seconds above 59 (validation.pace.seconds). */
export const PACE_SECONDS_MESSAGE = 'pace.seconds';
