import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../db/raw.ts';
import { sqlOf } from '../db/transaction.ts';
import { newUser, type TestUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { testDbKind } from '../test/test-env.ts';
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

  it('runs the work again when PostgreSQL rolled it back as a deadlock victim; the failed attempt leaves nothing', async () => {
    const before = Number(await stored());
    const seen: string[] = [];
    let attempts = 0;
    const result = await uow.run(async (tx) => {
      attempts += 1;
      await insert(tx, `attempt ${attempts}`);
      tx.afterCommit(() => void seen.push(`hook of attempt ${attempts}`));
      if (attempts === 1) {
        // As Drizzle hands it on: "Failed query …" with the driver's error as its cause.
        throw new Error('Failed query: update runs …', {
          cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }),
        });
      }
      return attempts;
    });
    expect(result).toBe(2);
    expect(seen).toEqual(['hook of attempt 2']);
    expect(Number(await stored())).toBe(before + 1);
  });

  it('gives up after three attempts, and never retries another error', async () => {
    let attempts = 0;
    const serialization = Object.assign(new Error('could not serialize access'), { code: '40001' });
    await expect(
      uow.run(async () => {
        attempts += 1;
        throw serialization;
      }),
    ).rejects.toBe(serialization);
    expect(attempts).toBe(3);

    attempts = 0;
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    await expect(
      uow.run(async () => {
        attempts += 1;
        throw unique;
      }),
    ).rejects.toBe(unique);
    expect(attempts).toBe(1);
  });

  // PostgreSQL only: PGlite runs one transaction at a time, so two never wait on each other.
  it.skipIf(testDbKind() !== 'postgres')(
    'two units of work locking two rows in opposite orders both commit (the deadlock victim runs again)',
    async () => {
      const [a, b] = [await newUser(t.app), await newUser(t.app)];
      const lock = (tx: Parameters<typeof sqlOf>[0], id: string) =>
        sqlOf(tx).execute(sql`update users set nickname = nickname where id = ${id}`);
      // Each takes its first row, then waits for the other to have taken its own before reaching for it.
      let firstTaken = 0;
      let bothTaken: () => void = () => undefined;
      const both = new Promise<void>((resolve) => {
        bothTaken = resolve;
      });
      const crossing = (first: string, second: string) =>
        uow.run(async (tx) => {
          await lock(tx, first);
          firstTaken += 1;
          if (firstTaken === 2) bothTaken();
          await both;
          await lock(tx, second);
          return 'committed';
        });
      const outcomes = await Promise.allSettled([
        crossing(a.user.id, b.user.id),
        crossing(b.user.id, a.user.id),
      ]);
      expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : String(o.reason)))).toEqual([
        'committed',
        'committed',
      ]);
    },
  );
});
