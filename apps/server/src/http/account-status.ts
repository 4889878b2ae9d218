import type { Redis } from 'ioredis';
import { ToldChannel, type ToldMode, toldMode } from './told-channel.ts';

/** A suspension's end or a ban, as the users table holds them (null: none). */
export interface Restriction {
  suspendedUntil: Date | null;
  bannedAt: Date | null;
}

/** Where the cache reads what it does not hold: the database. */
export interface AccountStatusSource {
  /** The account exists, is not deleted, and (for a token naming one) its session is not signed out. */
  active(userId: string, sessionId: string | null): Promise<boolean>;
  /** The account's suspension or ban; undefined for an account that does not exist. */
  restriction(userId: string): Promise<Restriction | undefined>;
}

/** How far this process may trust what it remembers (ADR 024): see `ToldMode`. */
export type AccountStatusMode = ToldMode;

interface Entry {
  /** The subscriber's connection epoch when the read that made it started. */
  epoch: number;
  /** performance.now() when the read started: the entry is dropped after `maxAgeMs` whatever happens. */
  madeAt: number;
  /** By session id ('' for a token without one): active or not. */
  sessions: Map<string, boolean>;
  /** undefined: not read yet; null: the account does not exist. */
  restriction?: Restriction | null;
}

interface Ticket {
  valid: boolean;
  epoch: number;
  madeAt: number;
}

/**
 * A per-process cache of "may this account act" (not deleted, session not signed out) and "is it suspended or
 * banned", the two questions `authenticate` asks on every authenticated request (ADR 024). Deleting an account,
 * signing sessions out and every moderation action on an account call `changed(userId)` once committed: the
 * entry is dropped here and, with Redis, on every other process before the write's response goes out. A
 * read that was under way when the change came is not kept. Entries also expire after `maxAgeMs` (a safety
 * net for a change told while Redis was half away), and the cache holds at most `maxEntries` users.
 */
export class AccountStatusCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Set<Ticket>>();
  private readonly channel: ToldChannel;

  constructor(
    private readonly source: AccountStatusSource,
    mode: AccountStatusMode,
    private readonly maxAgeMs = 60_000,
    private readonly maxEntries = 20_000,
  ) {
    this.channel = new ToldChannel(mode, (userId) => this.drop(userId));
  }

  /** Whether what this process remembers may be used now. */
  get trusted(): boolean {
    return this.channel.trusted;
  }

  private get epoch(): number {
    return this.channel.epoch;
  }

  async active(userId: string, sessionId: string | null): Promise<boolean> {
    const key = sessionId ?? '';
    const known = this.fresh(userId)?.sessions.get(key);
    if (known !== undefined) return known;
    return this.load(
      userId,
      () => this.source.active(userId, sessionId),
      (entry, value) => {
        entry.sessions.set(key, value);
      },
    );
  }

  /** The account's suspension or ban (undefined: no such account), as of the last change told. */
  async restriction(userId: string): Promise<Restriction | undefined> {
    const known = this.fresh(userId)?.restriction;
    if (known !== undefined) return known ?? undefined;
    return this.load(
      userId,
      () => this.source.restriction(userId),
      (entry, value) => {
        entry.restriction = value ?? null;
      },
    );
  }

  /**
   * The account's status changed (deleted, signed out, suspended, banned, restored), committed: forgotten here
   * and on every other process. `settled()` resolves once the other processes have been told.
   */
  changed(userId: string): void {
    this.channel.tell(userId);
  }

  /** Changes are on their way to Redis. */
  get telling(): boolean {
    return this.channel.telling;
  }

  /** Resolves when every change told so far has reached Redis (or failed to): a write's response waits for it. */
  async settled(): Promise<void> {
    await this.channel.settled();
  }

  close(): void {
    this.channel.close();
    this.entries.clear();
  }

  private drop(userId: string): void {
    this.entries.delete(userId);
    for (const ticket of this.pending.get(userId) ?? []) ticket.valid = false;
  }

  private fresh(userId: string): Entry | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    if (this.trusted && entry.epoch === this.epoch && performance.now() - entry.madeAt < this.maxAgeMs) {
      return entry;
    }
    this.entries.delete(userId);
    return undefined;
  }

  /** Reads from the source; keeps the answer unless the account changed (or Redis went away) meanwhile. */
  private async load<T>(userId: string, read: () => Promise<T>, keep: (entry: Entry, value: T) => void) {
    if (!this.trusted) return read();
    const ticket: Ticket = { valid: true, epoch: this.epoch, madeAt: performance.now() };
    let tickets = this.pending.get(userId);
    if (!tickets) this.pending.set(userId, (tickets = new Set()));
    tickets.add(ticket);
    try {
      const value = await read();
      if (ticket.valid && ticket.epoch === this.epoch && this.trusted)
        keep(this.entryFor(userId, ticket), value);
      return value;
    } finally {
      tickets.delete(ticket);
      if (tickets.size === 0 && this.pending.get(userId) === tickets) this.pending.delete(userId);
    }
  }

  private entryFor(userId: string, ticket: Ticket): Entry {
    const entry = this.fresh(userId);
    // An entry older than this read keeps its own (earlier) start, so it expires no later than it would have.
    if (entry) return entry;
    const made: Entry = { epoch: ticket.epoch, madeAt: ticket.madeAt, sessions: new Map() };
    this.entries.set(userId, made);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return made;
  }
}

/**
 * The mode of a process (ADR 024): with Redis, told over its pub/sub (channel `<socket.io key>:account-status`);
 * on the embedded database, alone; on PostgreSQL without Redis (other processes may write), off.
 */
export function accountStatusMode(
  deps: { redis?: { pub: Redis; sub: Redis; key: string }; database: { kind: string } },
  log: { warn: (details: object, message: string) => void },
): AccountStatusMode {
  // The others distrust their entries while their subscriber is away; a publish lost while they are connected
  // is what `maxAgeMs` bounds.
  return toldMode('account-status', deps, log, 'account status change not told over Redis');
}
