import { isDatabaseUnavailable } from './database-outage.ts';

/** How long a scrape waits for the database's figures (outbox, jobs) before answering without them. */
export const SAMPLE_TIMEOUT_MS = 2000;
/** Figures read from the database are reused this long: however often it is scraped, one read per interval. */
export const SAMPLE_TTL_MS = 5000;

/** What waits in the database, deployment-wide. */
export interface Backlog {
  /** Push and SMS deliveries not sent yet, and the oldest one's age (0 when none). */
  pendingDeliveries: number;
  oldestPendingSeconds: number;
  /** Mail not sent yet (waiting, retrying or being sent), and the oldest one's age (0 when none). */
  pendingMails: number;
  oldestPendingMailSeconds: number;
  /** Undefined where pg-boss has never run against this database (no worker started yet). */
  queuedJobs: number | undefined;
}

/** What one read said, kept SAMPLE_TTL_MS. */
export interface Sample extends Partial<Backlog> {
  at: number;
  /** False when the read failed because the database could not be reached, or did not answer in time. */
  reachable: boolean;
}

/**
 * The database's figures a scrape shows, read at most once per `ttlMs` whatever the number of scrapes, one read at
 * a time, each bounded by `timeoutMs`: a frozen database must neither hold a scrape nor pile up its queries.
 */
export class DatabaseSampler {
  private last: Sample | undefined;
  private inFlight: Promise<Sample> | undefined;

  constructor(
    private readonly read: () => Promise<Backlog>,
    private readonly timeoutMs = SAMPLE_TIMEOUT_MS,
    private readonly ttlMs = SAMPLE_TTL_MS,
  ) {}

  /** Drops the kept sample: the next scrape reads the database (tests). */
  forget(): void {
    this.last = undefined;
  }

  async get(): Promise<Sample> {
    if (this.last && Date.now() - this.last.at < this.ttlMs) return this.last;
    this.inFlight ??= this.sample().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async sample(): Promise<Sample> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    // Settles either way (never an unhandled rejection), even once the scrape has stopped waiting for it.
    const read = this.read().then(
      (backlog): Omit<Sample, 'at'> => ({ reachable: true, ...backlog }),
      (error: unknown): Omit<Sample, 'at'> => ({ reachable: !isDatabaseUnavailable(error) }),
    );
    try {
      const result = await Promise.race([read, timeout]);
      this.last = { at: Date.now(), ...(result === 'timeout' ? { reachable: false } : result) };
      return this.last;
    } finally {
      clearTimeout(timer);
    }
  }
}
