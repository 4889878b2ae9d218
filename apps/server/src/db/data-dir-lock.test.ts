import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir, type LockOwner } from './data-dir-lock.ts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'erun-lock-unit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => path.join(dir, LOCK_FILE);
const owner = (): LockOwner => JSON.parse(readFileSync(file(), 'utf8')) as LockOwner;
const bootId = () => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
};
function writeLock(fields: Partial<LockOwner>) {
  const lock: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    bootId: bootId(),
    startedAt: new Date().toISOString(),
    command: 'server',
    ...fields,
  };
  writeFileSync(file(), JSON.stringify(lock));
}
/** A pid whose process has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid ?? 0;

describe('the DATA_DIR lock', () => {
  it('is exclusive while its owner lives, and released only by its owner', () => {
    const lock = lockDataDir(dir, 'server');
    expect(owner()).toMatchObject({ pid: process.pid, hostname: hostname(), command: 'server' });
    // A live process (this one, as seen by another) holds it: refused, naming the folder and the pid.
    writeLock({ pid: process.ppid });
    expect(() => lockDataDir(dir, 'seed')).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir, 'seed')).toThrow(
      `DATA_DIR ${dir} is in use by server process ${process.ppid}`,
    );
    lock.release(); // not ours any more: left alone
    expect(owner().pid).toBe(process.ppid);
  });

  it('removes the file on release', () => {
    lockDataDir(dir, 'server').release();
    expect(existsSync(file())).toBe(false);
  });

  it('takes over a lock whose process is gone, and reports it', () => {
    const pid = deadPid();
    writeLock({ pid });
    const lock = lockDataDir(dir, 'server');
    expect(lock.tookOver?.pid).toBe(pid);
    expect(owner().pid).toBe(process.pid);
    lock.release();
  });

  it.skipIf(bootId() === '')('takes over a lock from before a reboot, whatever its pid', () => {
    writeLock({ pid: process.ppid, bootId: 'another-boot' });
    expect(lockDataDir(dir, 'server').tookOver?.pid).toBe(process.ppid);
  });

  it('never takes over another host’s lock (it cannot check that process)', () => {
    writeLock({ pid: deadPid(), hostname: 'another-host' });
    expect(() => lockDataDir(dir, 'server')).toThrow(/in use by server process \d+ on another-host/);
  });

  it('takes over an empty lock file (its writer died between create and write)', () => {
    writeFileSync(file(), '');
    expect(lockDataDir(dir, 'server').tookOver).toBeDefined();
  });
});
