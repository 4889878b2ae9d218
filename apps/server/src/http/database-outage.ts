import type { FastifyBaseLogger } from 'fastify';

/** Node's network errors: the database's host refused, reset or never answered the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's: 57P01–57P03 the server is shutting down / crashed / starting, 53300 too many connections, 57014 a
 * statement cancelled by statement_timeout; class 08 is "connection exception".
 */
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);

/** node-postgres's and PGlite's own messages for a connection that is gone or never came. */
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end|PGlite is closed/i;

/**
 * Whether an error (or one it wraps: Drizzle's "Failed query" keeps the driver's error as `cause`) says the
 * database cannot be reached, rather than that the query or its data is wrong.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (
    typeof code === 'string' &&
    (NETWORK_CODES.has(code) || POSTGRES_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
  )
    return true;
  if (typeof message === 'string' && MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/**
 * One outage of the database, logged as such: the first error with its stack, then nothing per request, then one
 * line when the database answers again ("database unavailable for N s, M requests answered 503"). While it lasts,
 * `ping` is tried every `probeMs`.
 */
export class DatabaseOutage {
  private since: number | undefined;
  private requests = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly ping: () => Promise<void>,
    private readonly log: FastifyBaseLogger,
    private readonly probeMs = 1000,
  ) {}

  get ongoing(): boolean {
    return this.since !== undefined;
  }

  /** A request answered 503 because of `error`. */
  record(error: unknown): void {
    this.requests += 1;
    if (this.since !== undefined) return;
    this.since = Date.now();
    this.log.error(
      { err: error },
      'database unavailable: answering 503 SERVICE_UNAVAILABLE until it is back',
    );
    this.probe();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private probe(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.ping().then(
        () => {
          const seconds = Math.round((Date.now() - (this.since ?? Date.now())) / 100) / 10;
          this.log.warn(
            { seconds, requests: this.requests },
            `database unavailable for ${seconds} s, ${this.requests} requests answered 503; it answers again`,
          );
          this.since = undefined;
          this.requests = 0;
        },
        () => this.probe(),
      );
    }, this.probeMs);
    this.timer.unref();
  }
}
