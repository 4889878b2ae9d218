import type { Redis } from 'ioredis';

/**
 * The socket.io adapter's subscriber connection. It subscribes before the connection is up, and ioredis ≥ 5.8
 * may then send its ready check (INFO) after SUBSCRIBE: Redis refuses it, and the process silently never
 * hears the others' broadcasts (ioredis #2037; caught by test/multi-process.int.test.ts). So no ready check
 * and no client-info handshake here, and subscribe commands wait for a connection however long it takes
 * (queued, no command timeout: ioredis subscribes again by itself on every reconnection).
 */
export function subscriberOf(redis: Redis): Redis {
  return redis.duplicate({
    enableReadyCheck: false,
    disableClientInfo: true,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    commandTimeout: undefined,
  });
}
