/** Where uploaded files live: a folder in embedded mode, any object store behind the same interface. */
export interface FileStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Removes every file whose key starts with the prefix. */
  deletePrefix(prefix: string): Promise<void>;
  /** The URL a browser fetches the file from. */
  urlOf(key: string): string;
}
