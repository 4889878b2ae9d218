import { Redis, type RedisOptions } from 'ioredis';

/** The part of a pino logger the Redis watchers use. */
export interface OutageLog {
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

/**
 * Options of a command connection (rate limits, the socket.io adapter's publisher). Redis is an accelerator
 * (ADR 014): a command fails after `commandTimeoutMs` instead of waiting, fails at once while the connection is
 * down (no offline queue: the caller falls back instead of piling up), and the connection is retried forever
 * with a capped backoff, so the app uses Redis again as soon as it is back.
 */
export function redisOptions(commandTimeoutMs: number): RedisOptions {
  return {
    commandTimeout: commandTimeoutMs,
    connectTimeout: Math.max(1000, commandTimeoutMs * 4),
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: reconnectDelay,
  };
}

/** Milliseconds before the next reconnection attempt: 100 ms doubling to 5 s, for ever. */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt, 6), 5000);
}

export function connectRedis(url: string, commandTimeoutMs: number): Redis {
  return new Redis(url, redisOptions(commandTimeoutMs));
}

/**
 * Logs a connection's outages once each: the first error when it goes away (ioredis then emits one per
 * reconnection attempt, which are not logged), and how long it was gone when it is back.
 */
export function watchOutages(client: Redis, name: string, log: OutageLog): void {
  let downSince: number | undefined;
  let errors = 0;
  const down = (error?: Error) => {
    errors += error ? 1 : 0;
    // A connection closed on purpose (shutdown) is not an outage.
    if (downSince !== undefined || (client as unknown as { manuallyClosing?: boolean }).manuallyClosing)
      return;
    downSince = Date.now();
    log.warn(
      { err: error, connection: name },
      'Redis unavailable: serving without it (limits per process, realtime on this process only); reconnecting',
    );
  };
  client.on('error', (error: Error) => down(error));
  client.on('close', () => down());
  client.on('ready', () => {
    if (downSince === undefined) return;
    const seconds = Math.round((Date.now() - downSince) / 100) / 10;
    log.info({ connection: name, seconds, errors }, `Redis is back after ${seconds} s`);
    downSince = undefined;
    errors = 0;
  });
}

/** Resolves true once `client` is connected, or false after `ms` (then the app starts without Redis for now). */
export function whenReady(client: Redis, ms: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    client.on('ready', onReady);
  });
}
