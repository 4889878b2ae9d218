import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One process per embedded data folder (issue 13): PGlite has a single owner, and two processes writing one
 * folder destroy it silently. The PostgreSQL `postmaster.pid` convention: a file created exclusively holds the
 * owner's pid, host and boot; a second process refuses to start; a lock whose process is gone (crash, kill -9,
 * reboot) is stale and taken over. Hand-written rather than `proper-lockfile`: that one judges staleness by a
 * refreshed mtime (a paused process loses its lock) and cannot name the owner; ours names the pid to stop.
 */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** Linux boot id: a lock from before a reboot is stale whatever its pid. */
  bootId: string;
  startedAt: string;
  /** What holds it: `server` or `seed`. */
  command: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by ${owner.command} process ${owner.pid} on ${owner.hostname} ` +
        `(since ${owner.startedAt}). Only one process may open the embedded database: stop pid ${owner.pid} ` +
        `first, or set DATABASE_URL to share a PostgreSQL database between processes. If that process is ` +
        `certainly gone, delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export const LOCK_FILE = 'server.pid';

export interface DataDirLock {
  /** The stale lock found and taken over, if any (to be reported). */
  tookOver?: LockOwner;
  /** Removes the lock file if it is still ours; also runs on process exit. */
  release(): void;
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a lock's owner is certainly gone. Another host's process cannot be checked: never stale. */
function isStale(owner: LockOwner | undefined, me: { hostname: string; bootId: string }): boolean {
  if (!owner) return true; // empty or torn file: its writer died between create and write
  if (owner.hostname !== me.hostname) return false;
  if (owner.bootId && me.bootId && owner.bootId !== me.bootId) return true;
  return owner.pid !== process.pid && !alive(owner.pid);
}

/** Takes `dataDir`'s lock or throws DataDirLockedError naming the process that holds it. */
export function lockDataDir(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    bootId: bootId(),
    startedAt: new Date().toISOString(),
    command,
  };
  let tookOver: LockOwner | undefined;
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      // A second try finding a lock again means another process took it over at the same moment: it wins.
      if (attempt > 0 || !isStale(owner, me)) {
        throw new DataDirLockedError(dataDir, owner ?? { ...me, pid: -1, command: 'unknown' });
      }
      tookOver = owner ?? { ...me, pid: -1, command: 'unknown' };
      try {
        unlinkSync(file);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(me)}\n`);
    } finally {
      closeSync(fd);
    }
    break;
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readOwner(file)?.pid !== process.pid) return;
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return { tookOver, release };
}
