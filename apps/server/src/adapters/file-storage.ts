import { mkdirSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Env } from '../config/env.ts';
import type { FileStorage } from '../ports/storage.ts';
import { LocalFileStorage } from './local-storage.ts';
import { S3FileStorage } from './s3-storage.ts';

/**
 * The storage STORAGE names: the local folder `uploadsDir` (created here), or the S3-compatible bucket of the
 * S3_* variables (env.ts has checked that the ones it needs are set).
 */
export function fileStorageOf(
  env: Env,
  uploadsDir: string,
  log: Pick<Logger, 'error' | 'warn'>,
): FileStorage {
  if (env.STORAGE === 'local') {
    mkdirSync(uploadsDir, { recursive: true });
    return new LocalFileStorage(uploadsDir);
  }
  return new S3FileStorage({
    endpoint: env.S3_ENDPOINT,
    bucket: env.S3_BUCKET ?? '',
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    publicUrl: env.S3_PUBLIC_URL,
    timeoutMs: env.S3_TIMEOUT_MS,
    log,
  });
}

/** The folder the app serves at /uploads: only local storage has one; S3 files are fetched from the bucket. */
export function uploadsDirOf(storage: FileStorage): string | undefined {
  return storage instanceof LocalFileStorage ? storage.root : undefined;
}
