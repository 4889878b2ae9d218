import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A stand-in for the built web app (WEB_DIST_DIR): a temporary folder holding only this index.html. */
export async function fakeWebDist(indexHtml: string): Promise<string> {
  const dist = await mkdtemp(path.join(tmpdir(), 'erun-web-'));
  await writeFile(path.join(dist, 'index.html'), indexHtml);
  return dist;
}
