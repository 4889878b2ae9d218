/**
 * Reads whose answer is the same for everyone — a run page or a feed page as a guest sees it — shared for a
 * moment between requests (ADR 006). A signed-in request takes the shared page and adds the caller's own
 * state from the database, fresh.
 */
export interface SharedReads {
  /** False when sharing is off (`RESPONSE_CACHE_MS=0`): callers then read everything in one statement. */
  readonly enabled: boolean;
  /** The value under `key` if it is fresh, else `load()` — one load at a time per key. */
  shared<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export const noSharedReads: SharedReads = { enabled: false, shared: (_key, load) => load() };
