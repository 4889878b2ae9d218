import { statfs } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ErrorBody } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newUser, type TestUser } from '../../test/factories.ts';
import { multipart, png } from '../../test/images.ts';
import { spawnServer } from '../../test/processes.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * Issue 13, finding 8: on a full disk uploads answered 500, `/api/ready` stayed 200, and a first start in embedded
 * mode died with PGlite's `ErrnoError … errno: 51`. The disk is made "full" by asking for more free space than
 * the temporary folder's file system has (DISK_MIN_FREE_MB), which is what the check compares.
 */
async function moreThanFreeMb(): Promise<string> {
  const stats = await statfs(tmpdir());
  return String(Math.ceil((stats.bavail * stats.bsize) / 1024 / 1024) + 1024);
}

describe('a full data folder', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ env: { DISK_MIN_FREE_MB: await moreThanFreeMb() } });
    user = await newUser(t.app);
  });
  afterAll(() => t.close());

  it('refuses uploads with 507 INSUFFICIENT_STORAGE and writes nothing', async () => {
    const body = multipart(await png(), 'photo.png', 'image/png');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/uploads?purpose=photo',
      payload: body.payload,
      headers: { ...body.headers, ...bearer(user) },
    });
    expect(response.statusCode).toBe(507);
    expect(response.json<ErrorBody>().code).toBe('INSUFFICIENT_STORAGE');
    const rows = await t.database.executeSql('select count(*)::int as n from uploads where owner_id = $1', [
      user.user.id,
    ]);
    expect((rows.rows[0] as { n: number }).n).toBe(0);
  });

  it('makes the embedded database not ready (503); PostgreSQL is on another disk', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(t.database.kind === 'pglite' ? 503 : 200);
    // Liveness is unaffected: restarting would not free any space.
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('stops a start in embedded mode with a message naming DATA_DIR and the free space', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'erun-full-'));
    try {
      const server = await spawnServer('full', 'all', {
        NODE_ENV: 'test',
        DATA_DIR: dir,
        DATABASE_URL: '',
        REDIS_URL: '',
        DEMO_DATA: 'off',
        WEB_DIST_DIR: '/nonexistent',
        DISK_MIN_FREE_MB: await moreThanFreeMb(),
      });
      expect(await server.exit).toBe(1);
      expect(server.output()).toMatch(
        new RegExp(`DATA_DIR ${dir} has \\d+ MB free, below DISK_MIN_FREE_MB=\\d+: free some space`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
