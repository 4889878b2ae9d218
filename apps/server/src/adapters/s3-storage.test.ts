import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { S3FileStorage, type S3StorageOptions } from './s3-storage.ts';

const base: S3StorageOptions = {
  endpoint: undefined,
  bucket: 'erun-photos',
  region: 'ap-northeast-2',
  accessKeyId: 'id',
  secretAccessKey: 'secret',
  forcePathStyle: false,
  publicUrl: undefined,
  timeoutMs: 1000,
  log: pino({ level: 'silent' }),
};
const urlOf = (options: Partial<S3StorageOptions>, key = 'f7d2/small.webp') => {
  const storage = new S3FileStorage({ ...base, ...options });
  try {
    return storage.urlOf(key);
  } finally {
    storage.close();
  }
};

describe('S3FileStorage.urlOf', () => {
  it('is S3_PUBLIC_URL + / + key when set (a CDN, the bucket public URL)', () => {
    expect(urlOf({ publicUrl: 'https://img.erun.example', endpoint: 'https://minio:9000' })).toBe(
      'https://img.erun.example/f7d2/small.webp',
    );
    expect(urlOf({ publicUrl: 'https://cdn.example/photos' })).toBe(
      'https://cdn.example/photos/f7d2/small.webp',
    );
  });

  it("is the bucket's AWS address without an endpoint", () => {
    expect(urlOf({})).toBe('https://erun-photos.s3.ap-northeast-2.amazonaws.com/f7d2/small.webp');
  });

  it('is endpoint/bucket/key path-style, or bucket.host with virtual hosts', () => {
    expect(urlOf({ endpoint: 'http://127.0.0.1:9000', forcePathStyle: true })).toBe(
      'http://127.0.0.1:9000/erun-photos/f7d2/small.webp',
    );
    expect(urlOf({ endpoint: 'https://kr.object.ncloudstorage.com/', forcePathStyle: true })).toBe(
      'https://kr.object.ncloudstorage.com/erun-photos/f7d2/small.webp',
    );
    expect(urlOf({ endpoint: 'https://s3.example.com', forcePathStyle: false })).toBe(
      'https://erun-photos.s3.example.com/f7d2/small.webp',
    );
  });

  it('encodes each part of the key, keeping the slashes', () => {
    expect(urlOf({ publicUrl: 'https://cdn.example' }, 'a b/c#d.webp')).toBe(
      'https://cdn.example/a%20b/c%23d.webp',
    );
  });
});
