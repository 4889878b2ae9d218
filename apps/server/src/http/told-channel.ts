import type { Redis } from 'ioredis';

/**
 * How far a process may trust what it remembers of data other processes may change (ADR 024, ADR 025):
 * - `local`: one process (the embedded database): every change goes through this process, which drops it here;
 * - `redis`: changes are told to every process over Redis pub/sub; trusted only while the subscriber is connected
 *   and subscribed, and only for what was read since it last was;
 * - `off`: several processes with no way to hear each other (PostgreSQL without Redis): nothing is remembered.
 */
export type ToldMode =
  | { kind: 'local' }
  | { kind: 'redis'; pub: Redis; sub: Redis; channel: string; onPublishError?: (error: unknown) => void }
  | { kind: 'off' };

/**
 * A process's end of a "this changed" channel: `tell(message)` hears it here at once and, with Redis, on every
 * other process; `heard` is called for each message, ours and theirs. `trusted` says whether remembered data
 * may be used now, and `epoch` changes whenever the subscriber loses its connection (what was read before may
 * have missed a message).
 */
export class ToldChannel {
  private readonly publishing = new Set<Promise<unknown>>();
  /** Bumped whenever the subscriber's connection closes. */
  private connection = 0;
  /** The subscription is confirmed on the current connection. */
  private subscribed = false;
  private readonly detach: () => void = () => undefined;

  constructor(
    private readonly mode: ToldMode,
    private readonly heard: (message: string) => void,
  ) {
    if (mode.kind !== 'redis') return;
    const { sub, channel } = mode;
    const onMessage = (from: string, message: string) => {
      if (from === channel) heard(message);
    };
    const onClose = () => {
      this.connection += 1;
      this.subscribed = false;
    };
    const onReady = () => this.subscribe();
    sub.on('message', onMessage);
    sub.on('close', onClose);
    sub.on('end', onClose);
    sub.on('ready', onReady);
    this.subscribe();
    this.detach = () => {
      sub.off('message', onMessage);
      sub.off('close', onClose);
      sub.off('end', onClose);
      sub.off('ready', onReady);
      void sub.unsubscribe(channel).catch(() => undefined);
    };
  }

  /** Whether what this process remembers may be used now. */
  get trusted(): boolean {
    if (this.mode.kind === 'local') return true;
    if (this.mode.kind === 'off') return false;
    return this.subscribed && this.mode.sub.status === 'ready';
  }

  /** Changes whenever the subscriber's connection is lost: data read in an earlier epoch is not trusted. */
  get epoch(): number {
    return this.connection;
  }

  /** Heard here at once, and published to the other processes (with Redis). */
  tell(message: string): void {
    this.heard(message);
    if (this.mode.kind !== 'redis') return;
    const { pub, channel, onPublishError } = this.mode;
    const told = pub.publish(channel, message).catch((error: unknown) => onPublishError?.(error));
    this.publishing.add(told);
    void told.finally(() => this.publishing.delete(told));
  }

  /** Messages are on their way to Redis. */
  get telling(): boolean {
    return this.publishing.size > 0;
  }

  /** Resolves when every message told so far has reached Redis (or failed to): a write's response waits for it. */
  async settled(): Promise<void> {
    if (this.publishing.size > 0) await Promise.all([...this.publishing]);
  }

  close(): void {
    this.detach();
  }

  private subscribe(): void {
    if (this.mode.kind !== 'redis') return;
    const connection = this.connection;
    const { sub, channel } = this.mode;
    sub.subscribe(channel).then(
      () => {
        if (connection === this.connection && sub.status === 'ready') this.subscribed = true;
      },
      () => undefined,
    );
  }
}

/**
 * The mode of a process for one channel (`<socket.io key>:<name>`): with Redis, told over its pub/sub; on the
 * embedded database, alone; on PostgreSQL without Redis (other processes may write), off. A publish that fails
 * is logged once per run of failures.
 */
export function toldMode(
  name: string,
  deps: { redis?: { pub: Redis; sub: Redis; key: string }; database: { kind: string } },
  log: { warn: (details: object, message: string) => void },
  failureMessage: string,
): ToldMode {
  if (deps.redis) {
    let failures = 0;
    return {
      kind: 'redis',
      pub: deps.redis.pub,
      sub: deps.redis.sub,
      channel: `${deps.redis.key}:${name}`,
      onPublishError: (error) => {
        if (failures++ % 1000 === 0) log.warn({ err: error }, failureMessage);
      },
    };
  }
  return deps.database.kind === 'pglite' ? { kind: 'local' } : { kind: 'off' };
}
