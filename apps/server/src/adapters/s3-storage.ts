import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { Logger } from 'pino';
import { AppError } from '../lib/errors.ts';
import type { FileStorage } from '../ports/storage.ts';

export interface S3StorageOptions {
  /** The store's API; undefined = AWS S3 in `region`. */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://host/bucket/key` rather than `https://bucket.host/key`. */
  forcePathStyle: boolean;
  /** Where browsers fetch the files (a CDN, the bucket's public URL), without a trailing slash. */
  publicUrl: string | undefined;
  /** The longest one call may take, retries included; then it fails (an upload answers 503). */
  timeoutMs: number;
  /** Keys listed (and deleted) per request by `deletePrefix`: S3 allows at most 1000. */
  pageSize?: number;
  log: Pick<Logger, 'error' | 'warn'>;
}

/** Seconds a client is told to wait (`Retry-After`) when the object store did not take an upload. */
export const STORAGE_RETRY_AFTER_SEC = 5;

/** The store could not be reached or refused the call: 503 with `Retry-After`, never a 500 or a hang. */
export class StorageUnavailableError extends AppError {
  constructor(cause: unknown) {
    super(503, 'SERVICE_UNAVAILABLE', 'Photos cannot be stored right now; retry shortly', undefined, {
      'retry-after': String(STORAGE_RETRY_AFTER_SEC),
    });
    this.cause = cause;
  }
}

/**
 * Files in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, NCP Object Storage…), read by browsers from
 * `publicUrl` (or the store's own URL). Every call has a deadline and at most one retry; a failed call throws
 * `StorageUnavailableError` and an outage is logged once (first error, then how long it lasted).
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;
  private readonly pageSize: number;
  private outage: { since: number; failures: number } | undefined;

  constructor(private readonly options: S3StorageOptions) {
    this.pageSize = Math.min(options.pageSize ?? 1000, 1000);
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      maxAttempts: 2,
      // Per attempt: the TCP connection, then each wait for data on the socket (a frozen store).
      requestHandler: {
        connectionTimeout: Math.min(options.timeoutMs, 2000),
        requestTimeout: options.timeoutMs,
      },
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.call('put', key, (abortSignal) =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: key,
          Body: data,
          ContentType: contentType,
          // Keys are never reused (a new id per upload), so caches may keep them for good, as /uploads does.
          CacheControl: 'public, max-age=31536000, immutable',
        }),
        { abortSignal },
      ),
    );
  }

  /**
   * Lists a page of keys under `prefix/`, deletes them in one request, and lists again until none is left;
   * listing from the start each time needs no continuation token that the deletions could invalidate.
   */
  async deletePrefix(prefix: string): Promise<void> {
    const folder = `${prefix.replace(/\/+$/, '')}/`;
    if (folder === '/') throw new Error('deletePrefix needs a non-empty prefix');
    try {
      await this.deleteFolder(folder);
    } catch (error) {
      // Deleted uploads' files (an account's avatar…) left in the bucket: say which, to remove them later.
      this.options.log.warn(
        { prefix: folder, bucket: this.options.bucket },
        `object storage (S3): files under ${folder} were not deleted; remove them when the store is back`,
      );
      throw error;
    }
  }

  private async deleteFolder(folder: string): Promise<void> {
    for (;;) {
      const page = await this.call('list', folder, (abortSignal) =>
        this.client.send(
          new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: folder, MaxKeys: this.pageSize }),
          { abortSignal },
        ),
      );
      const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (keys.length === 0) return;
      const result = await this.call('delete', folder, (abortSignal) =>
        this.client.send(
          new DeleteObjectsCommand({ Bucket: this.options.bucket, Delete: { Objects: keys, Quiet: true } }),
          { abortSignal },
        ),
      );
      const failed = result.Errors ?? [];
      if (failed.length > 0) {
        const [first] = failed;
        throw this.failed('delete', folder, new Error(`${first?.Code ?? 'Error'}: ${first?.Message ?? ''}`));
      }
      if (!page.IsTruncated) return;
    }
  }

  urlOf(key: string): string {
    const path = key.split('/').map(encodeURIComponent).join('/');
    const { publicUrl, endpoint, bucket, region, forcePathStyle } = this.options;
    if (publicUrl) return `${publicUrl}/${path}`;
    if (!endpoint) return `https://${bucket}.s3.${region}.amazonaws.com/${path}`;
    const base = new URL(endpoint);
    const root = base.origin + base.pathname.replace(/\/+$/, '');
    if (forcePathStyle) return `${root}/${bucket}/${path}`;
    return `${base.protocol}//${bucket}.${base.host}${base.pathname.replace(/\/+$/, '')}/${path}`;
  }

  close(): void {
    this.client.destroy();
  }

  private async call<T>(op: string, key: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      const result = await run(AbortSignal.timeout(this.options.timeoutMs));
      this.recovered();
      return result;
    } catch (error) {
      throw this.failed(op, key, error);
    }
  }

  private failed(op: string, key: string, error: unknown): StorageUnavailableError {
    if (this.outage) this.outage.failures += 1;
    else {
      this.outage = { since: Date.now(), failures: 1 };
      this.options.log.error(
        { op, key, bucket: this.options.bucket, err: describe(error) },
        'object storage (S3) unavailable: photo uploads answer 503 SERVICE_UNAVAILABLE until it is back',
      );
    }
    return new StorageUnavailableError(error);
  }

  private recovered(): void {
    if (!this.outage) return;
    const seconds = Math.round((Date.now() - this.outage.since) / 100) / 10;
    this.options.log.warn(
      { seconds, failures: this.outage.failures },
      `object storage (S3) unavailable for ${seconds} s, ${this.outage.failures} calls failed; it answers again`,
    );
    this.outage = undefined;
  }
}

/** What went wrong, without the SDK's long stack: the S3 error code and HTTP status, or the network error. */
function describe(error: unknown): Record<string, unknown> {
  if (error instanceof S3ServiceException)
    return { name: error.name, message: error.message, status: error.$metadata.httpStatusCode };
  const e = error as { name?: unknown; message?: unknown; code?: unknown };
  return { name: e.name, code: e.code, message: e.message };
}
