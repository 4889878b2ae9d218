import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../db/raw.ts';
import { sqlOf } from '../db/transaction.ts';
import { newUser, type TestUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { DrizzleUnitOfWork } from './drizzle-unit-of-work.ts';

// The unit of work on the real database (PGlite, or PostgreSQL with TEST_DB=postgres): all or nothing, and
// the after-commit hooks run once the commit is visible to other connections, never after a rollback.

let t: TestApp;
let user: TestUser;
let uow: DrizzleUnitOfWork;
beforeAll(async () => {
  t = await createTestApp();
  user = await newUser(t.app);
  uow = new DrizzleUnitOfWork(t.database.db);
});
afterAll(() => t.close());

/** The user's notifications as another connection sees them. */
const stored = async () =>
  (
    await rawRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from notifications where user_id = ${user.user.id}`,
    )
  )[0]?.n;

const insert = (tx: Parameters<typeof sqlOf>[0], title: string) =>
  sqlOf(tx).execute(
    sql`insert into notifications (user_id, category, link, data)
      values (${user.user.id}, 'run_cancelled', '/me', ${JSON.stringify({ title })}::jsonb)`,
  );

describe('DrizzleUnitOfWork', () => {
  it('commits the work, then runs the hooks in order, when the rows are there for everyone', async () => {
    const seen: string[] = [];
    const result = await uow.run(async (tx) => {
      await insert(tx, 'a');
      tx.afterCommit(() => void seen.push('first'));
      await insert(tx, 'b');
      tx.afterCommit(() => void seen.push('second'));
      expect(seen).toEqual([]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual(['first', 'second']);
    expect(Number(await stored())).toBe(2);
  });

  it('rolls everything back when the work throws, and runs no hook', async () => {
    const seen: string[] = [];
    await expect(
      uow.run(async (tx) => {
        await insert(tx, 'c');
        tx.afterCommit(() => void seen.push('never'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(seen).toEqual([]);
    expect(Number(await stored())).toBe(2);
  });
});
