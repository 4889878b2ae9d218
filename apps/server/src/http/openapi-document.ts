import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryRateLimiter } from '../adapters/memory-rate-limiter.ts';
import { LocalFileStorage } from '../adapters/local-storage.ts';
import { buildApp } from '../app.ts';
import { parseEnv } from '../config/env.ts';
import { openDatabase } from '../db/client.ts';
import { systemClock } from '../ports/clock.ts';

/** The OpenAPI document of the whole app, built on an in-memory database without listening. */
export async function openApiDocument(): Promise<unknown> {
  const uploadsDir = await mkdtemp(path.join(tmpdir(), 'erun-openapi-'));
  const database = await openDatabase({ url: undefined, dataDir: undefined });
  await database.migrate();
  const secret = () => randomBytes(32).toString('hex');
  const { app } = await buildApp({
    env: parseEnv({ NODE_ENV: 'test', WEB_DIST_DIR: '/nonexistent' }),
    database,
    storage: new LocalFileStorage(uploadsDir),
    uploadsDir,
    rateLimiter: new MemoryRateLimiter(systemClock),
    clock: systemClock,
    secrets: { jwt: secret(), cookie: secret(), phone: secret() },
  });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await database.close();
    await rm(uploadsDir, { recursive: true, force: true });
  }
}
