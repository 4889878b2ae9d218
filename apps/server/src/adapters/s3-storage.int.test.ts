import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startFakeS3, type FakeS3 } from '../test/fake-s3.ts';
import { describeFileStorage } from '../test/storage-contract.ts';
import { S3FileStorage, StorageUnavailableError } from './s3-storage.ts';

function storageOn(s3: FakeS3, pageSize?: number): S3FileStorage {
  return new S3FileStorage({
    endpoint: s3.endpoint,
    bucket: s3.bucket,
    region: 'us-east-1',
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
    publicUrl: undefined,
    timeoutMs: 2000,
    pageSize,
    log: pino({ level: 'silent' }),
  });
}

// The same contract as the local folder, against an S3-compatible server on loopback (test/fake-s3.ts), read
// back over HTTP at the URL the adapter gives, as a browser does.
describeFileStorage('S3 (AWS SDK v3 against a loopback S3 server)', async ({ pageSize }) => {
  const s3 = await startFakeS3();
  const storage = storageOn(s3, pageSize);
  return {
    storage,
    fetch: async (url) => {
      const response = await fetch(url);
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? undefined,
        body: Buffer.from(await response.arrayBuffer()),
      };
    },
    close: async () => {
      storage.close();
      await s3.stop();
    },
  };
});

describe('S3FileStorage', () => {
  it('deletes more than 1000 objects in DeleteObjects batches of at most 1000', async () => {
    const s3 = await startFakeS3();
    const storage = storageOn(s3);
    try {
      s3.seed(Array.from({ length: 2345 }, (_, i) => `big/${String(i).padStart(4, '0')}.webp`));
      s3.seed(['big2/kept.webp']);
      await storage.deletePrefix('big');
      expect(s3.keys('big/')).toEqual([]);
      expect(s3.keys()).toEqual(['big2/kept.webp']);
      expect(s3.deleteBatches).toEqual([1000, 1000, 345]);
    } finally {
      storage.close();
      await s3.stop();
    }
  });

  it('stores the content type and a long cache lifetime (keys are never reused)', async () => {
    const s3 = await startFakeS3();
    const storage = storageOn(s3);
    try {
      await storage.put('id/small.webp', Buffer.from('webp'), 'image/webp');
      expect(s3.object('id/small.webp')).toMatchObject({
        contentType: 'image/webp',
        cacheControl: 'public, max-age=31536000, immutable',
      });
    } finally {
      storage.close();
      await s3.stop();
    }
  });

  it('answers StorageUnavailableError (503, Retry-After) when the store refuses or is gone', async () => {
    const s3 = await startFakeS3();
    const wrongKey = new S3FileStorage({ ...optionsOf(storageOn(s3)), accessKeyId: 'WRONG' });
    const storage = storageOn(s3);
    try {
      const refused = await wrongKey
        .put('k/small.webp', Buffer.from('x'), 'image/webp')
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(StorageUnavailableError);
      expect(refused).toMatchObject({
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        headers: { 'retry-after': '5' },
      });
      await s3.stop();
      await expect(storage.put('k/small.webp', Buffer.from('x'), 'image/webp')).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
      await expect(storage.deletePrefix('k')).rejects.toBeInstanceOf(StorageUnavailableError);
    } finally {
      storage.close();
      wrongKey.close();
      await s3.stop();
    }
  });
});

function optionsOf(storage: S3FileStorage) {
  return (storage as unknown as { options: ConstructorParameters<typeof S3FileStorage>[0] }).options;
}
