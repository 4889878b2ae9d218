import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The server's clock (TEST_CLOCK_FILE) is one for the whole run, while two workers run tests side by side.
 * Moving it breaks whatever else is running: every access token issued before the move is expired for the
 * server, runs are "too soon" to post or "already started" to join, reminders fire for other tests' runs.
 * So tests take the clock like a read–write lock: every test holds it shared (the `clockLease` fixture) and a
 * test that moves it (the `serverClock` fixture) waits until it holds it alone. The lock is a folder next to
 * the clock file: `readers/` has one file per running test, `writer/` exists while a test moves the clock
 * (or waits to). A holder whose worker process died is ignored, so a crash cannot stall the run.
 */
const POLL_MS = 100;

function clockFile(): string {
  const file = process.env.E2E_CLOCK_FILE;
  if (!file) throw new Error('E2E_CLOCK_FILE is not set (playwright.config.ts sets it)');
  return file;
}

const lockDir = () => `${clockFile()}.lock`;
const readersDir = () => path.join(lockDir(), 'readers');
const writerDir = () => path.join(lockDir(), 'writer');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a test holds (or waits for) the clock alone; a dead worker's claim is cleared. */
function writerHeld(): boolean {
  let owner: string;
  try {
    owner = readFileSync(path.join(writerDir(), 'pid'), 'utf8');
  } catch {
    // No pid file: no writer, or one that has just made the folder and is about to write it.
    return existsDir(writerDir());
  }
  if (alive(Number(owner))) return true;
  rmSync(writerDir(), { recursive: true, force: true });
  return false;
}

function existsDir(dir: string): boolean {
  try {
    readdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

/** Tests other than `self` holding the clock shared (files are named `<pid>-<uuid>`). */
function otherReaders(self: string): string[] {
  return readdirSync(readersDir()).filter((name) => {
    if (name === self) return false;
    if (alive(Number(name.split('-')[0]))) return true;
    rmSync(path.join(readersDir(), name), { force: true });
    return false;
  });
}

/** Moves the server's clock to `offsetMs` ahead of real time; only a test holding the clock alone does. */
function setServerClockOffset(offsetMs: number): void {
  writeFileSync(clockFile(), JSON.stringify({ offsetMs }));
}

/** What a test that moves time sees: `moveTo(at)` makes the server's clock read `at` (ms) and run on from there. */
export interface ServerClock {
  moveTo(at: number): void;
}

export interface ClockLease {
  /** Waits until no other test runs, then holds the clock alone (until `release`) to move it. */
  takeAlone(): Promise<ServerClock>;
  /** Puts the clock back to real time if this test moved it, and lets the others go on. */
  release(): void;
}

/** Holds the server clock shared: waits while a test that moves it runs. */
export async function leaseServerClock(): Promise<ClockLease> {
  mkdirSync(readersDir(), { recursive: true });
  const name = `${process.pid}-${randomUUID()}`;
  const file = path.join(readersDir(), name);
  // Register, then look for a writer: a writer registers first and then looks for readers, so one of the
  // two always sees the other.
  for (;;) {
    if (!writerHeld()) {
      writeFileSync(file, '');
      if (!writerHeld()) break;
      rmSync(file, { force: true });
    }
    await sleep(POLL_MS);
  }
  let alone = false;
  return {
    async takeAlone() {
      rmSync(file, { force: true });
      for (;;) {
        try {
          mkdirSync(writerDir());
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          writerHeld();
          await sleep(POLL_MS);
        }
      }
      alone = true;
      writeFileSync(path.join(writerDir(), 'pid'), String(process.pid));
      while (otherReaders(name).length > 0) await sleep(POLL_MS);
      return { moveTo: (at) => setServerClockOffset(at - Date.now()) };
    },
    release() {
      if (alone) {
        setServerClockOffset(0);
        rmSync(writerDir(), { recursive: true, force: true });
      } else {
        rmSync(file, { force: true });
      }
    },
  };
}
