import { fastSerializerCompiler } from './fast-serializer.ts';
import { COMPRESS_THRESHOLD, compress, type Encoding, encodingFor, varyOnEncoding } from './compression.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../ports/clock.ts';
import type { SharedReads } from '../ports/shared-reads.ts';

interface Entry {
  /** Encoded once: a hit writes these bytes as they are. */
  body: Buffer;
  /** The body compressed, each encoding once, when a client first asks for it (ADR 022). */
  encoded: Partial<Record<Encoding, Buffer>>;
  /** performance.now() after which the entry is stale. */
  expires: number;
  /** The app clock when the entry was made: a clock that jumps (tests) makes it stale too. */
  madeAt: number;
  /** A reader's own response: the readers' data's version it was made from (ADR 025); stale once it moves. */
  version?: string;
}

interface SharedEntry {
  value: Promise<unknown>;
  expires: number;
  madeAt: number;
}

interface Fill {
  key: string;
  generation: number;
  /** A reader's own response: the version of the readers' data when it started. */
  version?: string;
  done: (entry: Entry | null) => void;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const fills = new WeakMap<FastifyRequest, Fill>();

/**
 * A short-lived cache of whole JSON responses for guests' reads of the run feed and run pages (ADR 006).
 * Keyed by URL; a guest's response is the same for every guest, so one database read serves all the
 * requests of the next `ttlMs`. Concurrent misses for one URL wait for the first one (single flight).
 * Any successful write through this instance empties it; another instance's writes show within `ttlMs`.
 * A request carrying a token is never answered from here: its body holds the caller's own state. Its handler
 * may still take the guest's page from `shared` (same lifetime, same emptying) and add that state.
 */
export class ResponseCache implements SharedReads {
  private readonly entries = new Map<string, Entry>();
  private readonly sharedEntries = new Map<string, SharedEntry>();
  private readonly inFlight = new Map<string, Promise<Entry | null>>();
  private generation = 0;

  private bytes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly clock: Clock,
    /** Bounds memory whatever URLs clients invent: the oldest entries go first. */
    private readonly maxBytes = 32 * 1024 * 1024,
    /** The same for shared values, counted (a feed page is ~20 KB: 1,000 of them ~20 MB). */
    private readonly maxShared = 1000,
    /** How an entry's body is compressed (tests count the calls). */
    private readonly compressor: (body: Buffer, encoding: Encoding) => Buffer = compress,
    /**
     * The version of what is kept of readers (ADR 025: moves at every write told by any process); null when
     * nothing of readers may be kept — then a reader's response is never reused.
     */
    private readonly readersVersion: () => string | null = () => null,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** Forgets everything, including fills already under way (they will not be stored). */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.sharedEntries.clear();
    this.bytes = 0;
    // Requests arriving from now on must not wait for a read that may predate the write.
    this.inFlight.clear();
  }

  /**
   * A value the same for every caller (a guest's page), kept `ttlMs` from the start of its load and dropped
   * by any write through this instance, like the bodies. Concurrent callers share one load; a failed load
   * is not kept.
   */
  shared<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.enabled) return load();
    const entry = this.sharedEntries.get(key);
    if (entry) {
      if (this.isFresh(entry)) return entry.value as Promise<T>;
      this.sharedEntries.delete(key);
    }
    const value = load();
    const made: SharedEntry = { value, ...this.lifetime() };
    this.sharedEntries.set(key, made);
    value.catch(() => {
      if (this.sharedEntries.get(key) === made) this.sharedEntries.delete(key);
    });
    for (const oldest of this.sharedEntries.keys()) {
      if (this.sharedEntries.size <= this.maxShared) break;
      this.sharedEntries.delete(oldest);
    }
    return value;
  }

  /** Route onRequest hook: answers a guest from the cache, or registers this request as the one that fills it. */
  readonly onRequest = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> => {
    if (!this.enabled || request.method !== 'GET' || request.headers.authorization !== undefined) return;
    return this.lookUp(request.url, undefined, request, reply);
  };

  /**
   * Route preHandler hook, after `identify` (ADR 025): a signed-in reader's own response to this URL, made
   * from the same guest's page (same lifetime, emptied by the same writes) and the same data kept of them (not
   * moved by any write on any process since), is the same bytes: they are reused, as a guest's are.
   */
  readonly onReader = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> => {
    if (!this.enabled || request.method !== 'GET' || request.userId === null) return;
    const version = this.readersVersion();
    if (version === null) return;
    return this.lookUp(`${request.userId} ${request.url}`, version, request, reply);
  };

  private async lookUp(
    key: string,
    version: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> {
    const cached = this.fresh(key);
    if (cached) return this.answer(request, reply, cached);
    const flight = this.inFlight.get(key);
    if (flight) {
      // Another request is reading this already; a failed read leaves this one to go its own way, uncached.
      const entry = await flight;
      return entry ? this.answer(request, reply, entry) : undefined;
    }
    // From here to the end nothing awaits: registering the fill is atomic.
    let done: (entry: Entry | null) => void = () => undefined;
    const filling = new Promise<Entry | null>((resolve) => (done = resolve));
    this.inFlight.set(key, filling);
    fills.set(request, {
      key,
      generation: this.generation,
      ...(version !== undefined ? { version } : {}),
      done: (entry) => {
        if (this.inFlight.get(key) === filling) this.inFlight.delete(key);
        done(entry);
      },
    });
    return undefined;
  }

  /**
   * Route onSend hook: keeps a 200 body made by the filling request, and answers that request from the entry
   * too, so that its compressed bytes are made once for all the requests the entry serves.
   */
  readonly onSend = (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    next: (error: null, payload: unknown) => void,
  ): void => {
    const fill = fills.get(request);
    if (!fill) return next(null, payload);
    fills.delete(request);
    const body = reply.statusCode === 200 && typeof payload === 'string' ? Buffer.from(payload) : null;
    const entry: Entry | null = body
      ? {
          body,
          encoded: {},
          ...this.lifetime(),
          ...(fill.version !== undefined ? { version: fill.version } : {}),
        }
      : null;
    const current = fill.generation === this.generation && this.versionHolds(entry);
    if (entry && current) this.store(fill.key, entry);
    fill.done(entry);
    next(null, entry ? this.encode(request, reply, entry) : payload);
  };

  /** Route onResponse/onRequestAbort hook: a fill that ended without a body releases its waiters. */
  readonly release = async (request: FastifyRequest): Promise<void> => {
    const fill = fills.get(request);
    if (!fill) return;
    fills.delete(request);
    fill.done(null);
  };

  private answer(request: FastifyRequest, reply: FastifyReply, entry: Entry): FastifyReply {
    return reply.type(JSON_TYPE).send(this.encode(request, reply, entry));
  }

  /**
   * The entry's bytes in the encoding this client prefers, made the first time one asks for it; the plain
   * body for clients that accept none (or a body too small to be worth it).
   */
  private encode(request: FastifyRequest, reply: FastifyReply, entry: Entry): Buffer {
    if (entry.body.length < COMPRESS_THRESHOLD) return entry.body;
    varyOnEncoding(reply);
    const encoding = encodingFor(request.headers['accept-encoding']);
    if (!encoding) return entry.body;
    let bytes = entry.encoded[encoding];
    if (!bytes) {
      bytes = this.compressor(entry.body, encoding);
      entry.encoded[encoding] = bytes;
      // Counted against the bound while the entry is held (a stale or dropped entry is no longer counted).
      if (this.entries.get(request.url) === entry) this.bytes += bytes.length;
    }
    void reply.header('content-encoding', encoding);
    return bytes;
  }

  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.isFresh(entry) && this.versionHolds(entry)) return entry;
    this.remove(key, entry);
    return undefined;
  }

  /** A reader's response holds while no write has been told since it was made (a guest's always does). */
  private versionHolds(entry: Entry | null): boolean {
    return entry?.version === undefined || entry.version === this.readersVersion();
  }

  private store(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    // Room for the body and its compressed copies (a fraction of it: a third at most for JSON).
    const size = entry.body.length * 2;
    if (size > this.maxBytes) return;
    // Map keeps insertion order: the first entries are the oldest.
    for (const [oldest, held] of this.entries) {
      if (this.bytes + size <= this.maxBytes) break;
      this.remove(oldest, held);
    }
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
  }

  /** An entry made now lives `ttlMs`, by the monotonic clock and by the app clock (which tests move). */
  private lifetime(): { expires: number; madeAt: number } {
    return { expires: performance.now() + this.ttlMs, madeAt: this.clock.now().getTime() };
  }

  private isFresh(entry: { expires: number; madeAt: number }): boolean {
    const clockMoved = Math.abs(this.clock.now().getTime() - entry.madeAt) >= this.ttlMs;
    return performance.now() < entry.expires && !clockMoved;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= sizeOf(entry);
  }
}

function sizeOf(entry: Entry): number {
  return entry.body.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0);
}

/**
 * The route options of a hot read (runs, a run's comments, crews): guests answered from this cache (ADR 006),
 * bodies written by the generated serializer (ADR 007), the reader identified when a token comes.
 */
export function hotReadOptions(
  cache: ResponseCache,
  identify: (request: FastifyRequest) => Promise<void>,
  /** The route's signed-in answer depends only on the guest's page and the data kept of readers (ADR 025). */
  { readers = false }: { readers?: boolean } = {},
) {
  return {
    onRequest: cache.onRequest,
    onSend: cache.onSend,
    onResponse: cache.release,
    onRequestAbort: cache.release,
    serializerCompiler: fastSerializerCompiler,
    preHandler: readers ? [identify, cache.onReader] : identify,
  };
}
