import { writeFileSync } from 'node:fs';

/**
 * Moves the server's clock (TEST_CLOCK_FILE) to `offsetMs` ahead of real time. The browser's own clock is
 * not moved: pages show server data, and relative times are computed against the server's answers.
 * Reset with `setServerClockOffset(0)` at the end of a test that moved it.
 */
export function setServerClockOffset(offsetMs: number): void {
  const file = process.env.E2E_CLOCK_FILE;
  if (!file) throw new Error('E2E_CLOCK_FILE is not set (playwright.config.ts sets it)');
  writeFileSync(file, JSON.stringify({ offsetMs }));
}
