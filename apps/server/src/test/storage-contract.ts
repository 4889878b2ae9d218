import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from '../ports/storage.ts';

/** One adapter under test, with how a browser would fetch what it stores. */
export interface StorageUnderTest {
  storage: FileStorage;
  /** GETs a URL that `urlOf` gave, as a browser would (the app's /uploads, or the store itself). */
  fetch(url: string): Promise<{ status: number; contentType: string | undefined; body: Buffer }>;
  close(): Promise<void>;
}

/**
 * The behaviour every `FileStorage` must have, run against each adapter (local-storage.int.test.ts,
 * s3-storage.int.test.ts). `make` gets the page size `deletePrefix` should use where the adapter has one, so
 * paging is tested without thousands of files (the S3 suite also deletes more than 1000 at the default).
 */
export function describeFileStorage(
  name: string,
  make: (options: { pageSize: number }) => Promise<StorageUnderTest>,
) {
  describe(`${name}: the FileStorage contract`, () => {
    let s: StorageUnderTest;
    beforeAll(async () => {
      s = await make({ pageSize: 4 });
    });
    afterAll(() => s.close());

    const bytes = (label: string) => Buffer.from(`RIFF${label}WEBPVP8 ${'x'.repeat(64)}`);
    const fetched = async (key: string) => s.fetch(s.storage.urlOf(key));

    it('serves a stored file at urlOf(key) with the same bytes and content type', async () => {
      const data = bytes('one');
      await s.storage.put('3f1c/small.webp', data, 'image/webp');
      const got = await fetched('3f1c/small.webp');
      expect(got.status).toBe(200);
      expect(got.contentType).toBe('image/webp');
      expect(got.body.equals(data)).toBe(true);
      expect(s.storage.urlOf('3f1c/small.webp')).toMatch(/\/3f1c\/small\.webp$/);
    });

    it('answers 404 for a key never stored', async () => {
      expect((await fetched('never/stored.webp')).status).toBe(404);
    });

    it('replaces a file put again under the same key', async () => {
      await s.storage.put('again/large.webp', bytes('first'), 'image/webp');
      await s.storage.put('again/large.webp', bytes('second'), 'image/webp');
      expect((await fetched('again/large.webp')).body.equals(bytes('second'))).toBe(true);
    });

    it('deletePrefix removes that folder only, not a sibling whose name starts the same', async () => {
      const keys = ['a1/small.webp', 'a1/large.webp', 'a1x/small.webp', 'b/a1/small.webp'];
      for (const key of keys) await s.storage.put(key, bytes(key), 'image/webp');
      await s.storage.deletePrefix('a1');
      expect((await fetched('a1/small.webp')).status).toBe(404);
      expect((await fetched('a1/large.webp')).status).toBe(404);
      expect((await fetched('a1x/small.webp')).status).toBe(200);
      expect((await fetched('b/a1/small.webp')).status).toBe(200);
    });

    it('deletePrefix removes more files than one page holds', async () => {
      const keys = Array.from({ length: 11 }, (_, i) => `many/${String(i).padStart(2, '0')}.webp`);
      for (const key of keys) await s.storage.put(key, bytes(key), 'image/webp');
      await s.storage.put('many-kept/0.webp', bytes('kept'), 'image/webp');
      await s.storage.deletePrefix('many');
      for (const key of keys) expect((await fetched(key)).status, key).toBe(404);
      expect((await fetched('many-kept/0.webp')).status).toBe(200);
    });

    it('deletePrefix of a folder that does not exist does nothing', async () => {
      await expect(s.storage.deletePrefix('no-such-folder')).resolves.toBeUndefined();
    });

    it('refuses an empty prefix rather than deleting everything', async () => {
      await s.storage.put('keep/small.webp', bytes('keep'), 'image/webp');
      await expect(s.storage.deletePrefix('')).rejects.toThrow();
      expect((await fetched('keep/small.webp')).status).toBe(200);
    });
  });
}
