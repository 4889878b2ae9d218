import type { SavedSearchFilters } from '@erun/contracts';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { savedSearches, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import { blockedEitherWay } from '../blocks/index.ts';

export type SavedSearchRow = typeof savedSearches.$inferSelect;

/** What a new run is matched on in SQL (the keyword is matched by the service). */
export interface RunFacets {
  hostId: string;
  region: string;
  theme: string;
  timeOfDay: string;
  distanceBucket: string;
  womenOnly: boolean;
}

/** The only reader and writer of `saved_searches`. */
export class SavedSearchesRepository {
  constructor(private readonly db: Db) {}

  async list(userId: string): Promise<SavedSearchRow[]> {
    return this.db
      .select()
      .from(savedSearches)
      .where(eq(savedSearches.userId, userId))
      .orderBy(asc(savedSearches.createdAt), asc(savedSearches.id));
  }

  /** Holds the user's row until the transaction ends, so that two saves at once cannot pass the cap. */
  async lockUser(tx: Tx, userId: string): Promise<void> {
    await sqlOf(tx).execute(sql`select 1 from ${users} where ${users.id} = ${userId} for update`);
  }

  async count(tx: Tx, userId: string): Promise<number> {
    const [row] = await sqlOf(tx)
      .select({ n: sql<number>`count(*)::int` })
      .from(savedSearches)
      .where(eq(savedSearches.userId, userId));
    return row?.n ?? 0;
  }

  async insert(tx: Tx, userId: string, filters: SavedSearchFilters, now: Date): Promise<SavedSearchRow> {
    const [row] = await sqlOf(tx)
      .insert(savedSearches)
      .values({ userId, filters, createdAt: now })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  /** Deletes one of the user's saved searches; false when they have none of that id. */
  async remove(userId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(savedSearches)
      .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
      .returning({ id: savedSearches.id });
    return rows.length > 0;
  }

  /**
   * The saved searches a new run may match: its lists hold the run's values (an empty list is any), of live
   * accounts other than the host's, neither blocking the other, and only women's for a 여성 전용 run.
   */
  async candidates(tx: Tx, run: RunFacets): Promise<{ userId: string; filters: SavedSearchFilters }[]> {
    const within = (key: string, value: string) =>
      sql`(jsonb_array_length(${savedSearches.filters} -> ${key}) = 0
        or ${savedSearches.filters} -> ${key} @> jsonb_build_array(${value}::text))`;
    return sqlOf(tx)
      .select({ userId: savedSearches.userId, filters: savedSearches.filters })
      .from(savedSearches)
      .innerJoin(users, eq(users.id, savedSearches.userId))
      .where(
        and(
          ne(savedSearches.userId, run.hostId),
          isNull(users.deletedAt),
          within('region', run.region),
          within('theme', run.theme),
          within('timeOfDay', run.timeOfDay),
          within('distance', run.distanceBucket),
          run.womenOnly
            ? eq(users.gender, 'female')
            : sql`(${savedSearches.filters} ->> 'womenOnly') <> 'true'`,
          sql`not ${blockedEitherWay(run.hostId, sql`${savedSearches.userId}`)}`,
        ),
      );
  }

  /** Deleting an account removes its saved searches (the row of a deleted account stays, so no cascade). */
  async forget(tx: Tx, userId: string): Promise<void> {
    await sqlOf(tx).delete(savedSearches).where(eq(savedSearches.userId, userId));
  }
}
