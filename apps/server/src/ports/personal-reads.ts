/**
 * What a signed-in page adds to the guest's page — the reader's own state on runs, the runs only they may see,
 * their preferences — kept per user between requests and forgotten on every process by any write (ADR 025).
 */
export interface PersonalReads {
  /** False when nothing may be kept (sharing off, or processes that cannot hear each other's writes). */
  readonly enabled: boolean;
  /** The value under (`userId`, `key`) if it is held, else `load()` — kept unless a write came meanwhile. */
  one<T>(userId: string, key: string, load: () => Promise<T>): Promise<T>;
  /**
   * A value per id (the reader's state on each of these runs): those held, and `load` for the others in one
   * call. An id `load` leaves out has no value (undefined), and that is kept too.
   */
  byId<V>(
    userId: string,
    kind: string,
    ids: readonly string[],
    load: (ids: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>>;
  /** A write outside a unit of work (whose commit tells it by itself) may have changed such data. */
  wrote(): void;
}

export const noPersonalReads: PersonalReads = {
  enabled: false,
  one: (_userId, _key, load) => load(),
  byId: (_userId, _kind, ids, load) => load([...ids]),
  wrote: () => undefined,
};
