import { and, asc, eq, gt, gte, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crewMembers, crews, runs, series } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export type SeriesRow = typeof series.$inferSelect;
export type NewSeries = Omit<typeof series.$inferInsert, 'id'>;

/** The series table (this module writes it alone) and the reads of its occurrences. */
export class SeriesRepository {
  constructor(private readonly db: Db) {}

  async create(tx: Tx, values: NewSeries): Promise<SeriesRow> {
    const [row] = await sqlOf(tx).insert(series).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async find(id: string): Promise<SeriesRow | undefined> {
    const [row] = await this.db.select().from(series).where(eq(series.id, id));
    return row;
  }

  /** A live crew's name, for the series page (null: no crew, or a deleted one). */
  async crewName(crewId: string): Promise<string | null> {
    const [row] = await this.db
      .select({ name: crews.name })
      .from(crews)
      .where(and(eq(crews.id, crewId), isNull(crews.deletedAt)));
    return row?.name ?? null;
  }

  /** The series' row, locked until the unit of work ends (edits and ending wait for each other). */
  async lock(tx: Tx, id: string): Promise<SeriesRow | undefined> {
    const [row] = await sqlOf(tx).select().from(series).where(eq(series.id, id)).for('update');
    return row;
  }

  async update(tx: Tx, id: string, changes: Partial<NewSeries>): Promise<void> {
    await sqlOf(tx).update(series).set(changes).where(eq(series.id, id));
  }

  /** Ends every running series of the crew; returns how many. */
  async endOfCrew(tx: Tx, crewId: string, now: Date): Promise<number> {
    const ended = await sqlOf(tx)
      .update(series)
      .set({ endedAt: now, updatedAt: now })
      .where(and(eq(series.crewId, crewId), isNull(series.endedAt)))
      .returning({ id: series.id });
    return ended.length;
  }

  /**
   * Series still running (not ended) and not of a deleted crew: the window job's work. A deleted crew's
   * runs are gone (its runs ahead were cancelled); its series open no more and tell nobody.
   */
  async openIds(): Promise<string[]> {
    const rows = await this.db
      .select({ id: series.id })
      .from(series)
      .leftJoin(crews, eq(crews.id, series.crewId))
      .where(and(isNull(series.endedAt), isNull(crews.deletedAt)));
    return rows.map((r) => r.id);
  }

  /** Whether the crew is deleted (read in the window job's unit of work: a crew deleted meanwhile). */
  async crewDeleted(tx: Tx, crewId: string): Promise<boolean> {
    const [row] = await sqlOf(tx)
      .select({ deletedAt: crews.deletedAt })
      .from(crews)
      .where(eq(crews.id, crewId));
    return row?.deletedAt != null;
  }

  /** Occurrences still ahead and not cancelled, soonest first (from `fromDate` on when given). */
  async upcomingRunIds(
    seriesId: string,
    now: Date,
    fromDate?: string,
    tx?: Tx,
  ): Promise<{ id: string; occurrenceDate: string }[]> {
    const db = tx ? sqlOf(tx) : this.db;
    const rows = await db
      .select({ id: runs.id, occurrenceDate: runs.occurrenceDate })
      .from(runs)
      .where(
        and(
          eq(runs.seriesId, seriesId),
          isNull(runs.cancelledAt),
          gt(runs.startsAt, now),
          ...(fromDate ? [gte(runs.occurrenceDate, fromDate)] : []),
        ),
      )
      .orderBy(asc(runs.startsAt));
    return rows.map((r) => ({ id: r.id, occurrenceDate: r.occurrenceDate ?? '' }));
  }

  /** Members of a crew (any role) but one: who hears that a crew series opened a date. */
  async crewMemberIds(tx: Tx, crewId: string, except: string): Promise<string[]> {
    const rows = await sqlOf(tx)
      .select({ userId: crewMembers.userId })
      .from(crewMembers)
      .where(
        and(eq(crewMembers.crewId, crewId), eq(crewMembers.status, 'member'), ne(crewMembers.userId, except)),
      );
    return rows.map((r) => r.userId);
  }
}
