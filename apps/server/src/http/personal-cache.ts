import type { PersonalReads } from '../ports/personal-reads.ts';
import { ToldChannel, type ToldMode } from './told-channel.ts';

interface UserEntry {
  /** The subscriber's connection epoch when the first read that filled it started. */
  epoch: number;
  /** performance.now() when that read started: the entry is dropped `maxAgeMs` later whatever happens. */
  madeAt: number;
  /** By key (`kind:id` for per-id values); a held `undefined` is "none" (has() tells it from "not read"). */
  values: Map<string, unknown>;
}

interface Ticket {
  /** The write count when the read started: any write since, and the read is not kept. */
  writes: number;
  epoch: number;
  madeAt: number;
}

/**
 * A per-process cache of what signed-in pages read about their reader (ADR 025): their state on runs, the runs
 * only they see, their preferences. Any committed write that may change such data — on this process or, told
 * over Redis, on any other — empties it before the write's response goes out, and a read under way when a
 * write came is not kept; so a reader never sees their own state older than their last write, wherever their
 * next request lands. Each user's entry lives at most `maxAgeMs` (the safety net for a write told while Redis
 * was half away), the cache holds at most `maxUsers` users and `maxValues` values each, oldest dropped.
 */
export class PersonalCache implements PersonalReads {
  private readonly entries = new Map<string, UserEntry>();
  private readonly channel: ToldChannel;
  /** Writes heard so far. */
  private writes = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    mode: ToldMode,
    /** Off with the shared cache (`RESPONSE_CACHE_MS=0`): every read goes to the database. */
    private readonly on = true,
    private readonly maxAgeMs = 60_000,
    private readonly maxUsers = 20_000,
    private readonly maxValues = 2_000,
  ) {
    this.channel = new ToldChannel(mode, () => this.forget());
  }

  get enabled(): boolean {
    return this.on && this.channel.trusted;
  }

  /**
   * Moves at every write heard and whenever the subscriber reconnects; null while nothing may be kept. What was
   * made from readers' data under one version is current while the version stays (a response's bytes).
   */
  get version(): string | null {
    return this.enabled ? `${this.writes}/${this.channel.epoch}` : null;
  }

  /** Hits and misses so far (`/metrics`). */
  get counts(): { hits: number; misses: number } {
    return { hits: this.hits, misses: this.misses };
  }

  /**
   * Data a reader's page depends on may have changed (a committed write): forgotten here and, with Redis, on
   * every other process; `settled()` resolves once they have been told.
   */
  wrote(): void {
    if (this.on) this.channel.tell('w');
  }

  get telling(): boolean {
    return this.channel.telling;
  }

  async settled(): Promise<void> {
    await this.channel.settled();
  }

  close(): void {
    this.channel.close();
    this.entries.clear();
  }

  async one<T>(userId: string, key: string, load: () => Promise<T>): Promise<T> {
    const values = this.fresh(userId)?.values;
    if (values?.has(key)) {
      this.hits += 1;
      return values.get(key) as T;
    }
    this.misses += 1;
    if (!this.enabled) return load();
    const ticket = this.ticket();
    const value = await load();
    this.keep(userId, ticket, [[key, value]]);
    return value;
  }

  async byId<V>(
    userId: string,
    kind: string,
    ids: readonly string[],
    load: (ids: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    const values = this.fresh(userId)?.values;
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const id of ids) {
      const key = `${kind}:${id}`;
      if (!values?.has(key)) missing.push(id);
      else if (values.get(key) !== undefined) found.set(id, values.get(key) as V);
    }
    if (missing.length === 0) {
      this.hits += 1;
      return found;
    }
    this.misses += 1;
    if (!this.enabled) return load(missing).then((loaded) => new Map([...found, ...loaded]));
    const ticket = this.ticket();
    const loaded = await load(missing);
    this.keep(
      userId,
      ticket,
      missing.map((id) => [`${kind}:${id}`, loaded.get(id)]),
    );
    for (const [id, value] of loaded) found.set(id, value);
    return found;
  }

  private forget(): void {
    this.writes += 1;
    this.entries.clear();
  }

  private ticket(): Ticket {
    return { writes: this.writes, epoch: this.channel.epoch, madeAt: performance.now() };
  }

  private fresh(userId: string): UserEntry | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    if (
      this.enabled &&
      entry.epoch === this.channel.epoch &&
      performance.now() - entry.madeAt < this.maxAgeMs
    ) {
      return entry;
    }
    this.entries.delete(userId);
    return undefined;
  }

  /** Keeps what a read found, unless a write came (or Redis went away) since it started. */
  private keep(userId: string, ticket: Ticket, found: [string, unknown][]): void {
    if (ticket.writes !== this.writes || ticket.epoch !== this.channel.epoch || !this.enabled) return;
    let entry = this.fresh(userId);
    if (!entry) {
      entry = { epoch: ticket.epoch, madeAt: ticket.madeAt, values: new Map() };
      this.entries.set(userId, entry);
      for (const oldest of this.entries.keys()) {
        if (this.entries.size <= this.maxUsers) break;
        this.entries.delete(oldest);
      }
    }
    for (const [key, value] of found) {
      entry.values.delete(key);
      entry.values.set(key, value);
    }
    for (const oldest of entry.values.keys()) {
      if (entry.values.size <= this.maxValues) break;
      entry.values.delete(oldest);
    }
  }
}
