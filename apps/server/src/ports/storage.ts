/** Where uploaded files live: a folder in embedded mode, any object store behind the same interface. */
export interface FileStorage {
  /** Stores the file; throws (an object store: `StorageUnavailableError`, 503) when it could not. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Removes every file under the folder `prefix` (keys starting with `prefix/`), however many. */
  deletePrefix(prefix: string): Promise<void>;
  /** The URL a browser fetches the file from: a path on this app, or an absolute URL (a bucket, a CDN). */
  urlOf(key: string): string;
}
