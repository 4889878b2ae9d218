import { readFileSync, statSync } from 'node:fs';
import type { Clock } from '../ports/clock.ts';

/**
 * A clock that runs `offsetMs` ahead of the system clock, the offset read from a JSON file
 * (`{"offsetMs": 86400000}`) and re-read when the file changes. Only for browser tests, which move time
 * forward (to a run's start, past its end) while the real server runs; `TEST_CLOCK_FILE` enables it and
 * the server refuses it in production.
 */
export class FileClock implements Clock {
  private offsetMs = 0;
  private mtimeMs = -1;
  private checkedAt = 0;

  constructor(private readonly file: string) {}

  now(): Date {
    const real = Date.now();
    if (real - this.checkedAt >= 50) {
      this.checkedAt = real;
      this.reload();
    }
    return new Date(real + this.offsetMs);
  }

  private reload(): void {
    try {
      const { mtimeMs } = statSync(this.file);
      if (mtimeMs === this.mtimeMs) return;
      this.mtimeMs = mtimeMs;
      const value: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      const offset =
        typeof value === 'object' && value !== null && 'offsetMs' in value ? Number(value.offsetMs) : 0;
      this.offsetMs = Number.isFinite(offset) ? offset : 0;
    } catch {
      // No file (yet): no offset.
      this.offsetMs = 0;
    }
  }
}
