import { statfs } from 'node:fs/promises';
import type { DiskSpace } from '../ports/disk.ts';

/** Free space of the file system holding `dir` (what an unprivileged process may still write), by statfs. */
export class StatfsDiskSpace implements DiskSpace {
  constructor(
    private readonly dir: string,
    private readonly minFreeBytes: number,
  ) {}

  async freeBytes(): Promise<number> {
    const stats = await statfs(this.dir);
    return stats.bavail * stats.bsize;
  }

  async low(): Promise<boolean> {
    return (await this.freeBytes()) < this.minFreeBytes;
  }
}
