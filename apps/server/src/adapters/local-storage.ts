import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileStorage } from '../ports/storage.ts';

/** Files under a folder, served by the app at `/uploads/<key>`. */
export class LocalFileStorage implements FileStorage {
  constructor(readonly root: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
  }

  async deletePrefix(prefix: string): Promise<void> {
    await rm(this.pathOf(prefix), { recursive: true, force: true });
  }

  urlOf(key: string): string {
    return `/uploads/${key}`;
  }

  private pathOf(key: string): string {
    const file = path.resolve(this.root, key);
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`key escapes storage: ${key}`);
    return file;
  }
}
