import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crewMembers, runCohosts, runParticipants, runs } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import type { RunRow } from './runs.queries.ts';

export type ParticipantRow = typeof runParticipants.$inferSelect;
export type Place = 'joined' | 'waitlisted';

/**
 * Every change to who is in a run happens in the service's unit of work with the run's row locked
 * (SELECT … FOR UPDATE, `lock`), so concurrent joins queue up and the seat count read is the one written:
 * seats are never oversold. The CHECK constraint on participant_count ≤ capacity and the (run_id, user_id)
 * primary key back this up in the database.
 */
export class ParticipationRepository {
  constructor(private readonly db: Db) {}

  /** The run's row, locked, and the user's place in it: one statement. Undefined: no such run. */
  async lock(
    tx: Tx,
    runId: string,
    userId: string,
  ): Promise<{ run: RunRow; mine: ParticipantRow | undefined } | undefined> {
    const [row] = await sqlOf(tx)
      .select({ run: runs, mine: runParticipants })
      .from(runs)
      .leftJoin(runParticipants, and(eq(runParticipants.runId, runs.id), eq(runParticipants.userId, userId)))
      .where(eq(runs.id, runId))
      .for('update', { of: runs });
    return row ? { run: row.run, mine: row.mine ?? undefined } : undefined;
  }

  /** The run's crew and visibility, read before the lock (a crew's answer is asked outside it). */
  async crewOf(runId: string): Promise<{ crewId: string | null; visibility: string } | undefined> {
    const [row] = await this.db
      .select({ crewId: runs.crewId, visibility: runs.visibility })
      .from(runs)
      .where(eq(runs.id, runId));
    return row;
  }

  /**
   * Seated guests of a crew run: runners who are not members of its crew, nor its host or a co-host. Read
   * with the run locked, so the count is the one the next join sees.
   */
  async guestsIn(tx: Tx, runId: string, crewId: string, hostId: string): Promise<number> {
    const [row] = await sqlOf(tx)
      .select({ n: sql<number>`count(*)::int` })
      .from(runParticipants)
      .where(
        and(
          eq(runParticipants.runId, runId),
          eq(runParticipants.status, 'joined'),
          ne(runParticipants.userId, hostId),
          sql`not exists (select 1 from ${runCohosts} h
            where h.run_id = ${runParticipants.runId} and h.user_id = ${runParticipants.userId})`,
          sql`not exists (select 1 from ${crewMembers} m where m.crew_id = ${crewId}
            and m.user_id = ${runParticipants.userId} and m.status = 'member')`,
        ),
      );
    return Number(row?.n ?? 0);
  }

  async isCoHost(tx: Tx, runId: string, userId: string): Promise<boolean> {
    const [row] = await sqlOf(tx)
      .select({ userId: runCohosts.userId })
      .from(runCohosts)
      .where(and(eq(runCohosts.runId, runId), eq(runCohosts.userId, userId)));
    return row !== undefined;
  }

  async dropCoHost(tx: Tx, runId: string, userId: string): Promise<void> {
    await sqlOf(tx)
      .delete(runCohosts)
      .where(and(eq(runCohosts.runId, runId), eq(runCohosts.userId, userId)));
  }

  /** Adds the user in a seat or at the end of the waitlist; returns the run's waitlist length after. */
  async add(tx: Tx, runId: string, userId: string, place: Place, now: Date): Promise<number> {
    const db = sqlOf(tx);
    await db.insert(runParticipants).values({ runId, userId, status: place, createdAt: now });
    const [counts] = await db
      .update(runs)
      .set(
        place === 'joined'
          ? { participantCount: sql`${runs.participantCount} + 1` }
          : { waitlistCount: sql`${runs.waitlistCount} + 1` },
      )
      .where(eq(runs.id, runId))
      .returning({ waitlistCount: runs.waitlistCount });
    return counts?.waitlistCount ?? 1;
  }

  /** Takes the user out: their row goes, or stays as `removed` (with the host's reason) so they cannot rejoin. */
  async takeOut(tx: Tx, runId: string, userId: string, removal: { reason: string } | null): Promise<void> {
    const db = sqlOf(tx);
    const where = and(eq(runParticipants.runId, runId), eq(runParticipants.userId, userId));
    if (removal) {
      await db.update(runParticipants).set({ status: 'removed', removedReason: removal.reason }).where(where);
    } else {
      await db.delete(runParticipants).where(where);
    }
  }

  /** Moves the run's counters by these amounts (the caller decided them on the locked row). */
  async moveCounts(tx: Tx, runId: string, by: { participants: number; waitlist: number }): Promise<void> {
    await sqlOf(tx)
      .update(runs)
      .set({
        participantCount: sql`${runs.participantCount} + ${by.participants}`,
        waitlistCount: sql`${runs.waitlistCount} + ${by.waitlist}`,
      })
      .where(eq(runs.id, runId));
  }

  /**
   * Moves up to `seats` users from the head of the waitlist into the run; counters are the caller's job.
   * A crew run with guest seats skips the waiting guests while those seats are taken (a member behind them
   * goes first; the guests keep their places). Called with the run locked, so the guests counted are the ones
   * the next join or promotion sees. `run` carries the run's values as they will be (an edit's new cap).
   */
  async promoteWaitlisted(
    tx: Tx,
    run: Pick<RunRow, 'id' | 'hostId' | 'crewId' | 'guestSeats'>,
    seats: number,
  ): Promise<string[]> {
    if (seats <= 0) return [];
    const db = sqlOf(tx);
    const { crewId, guestSeats } = run;
    const capped = crewId !== null && guestSeats !== null;
    const queue = db
      .select({
        userId: runParticipants.userId,
        guest: capped
          ? // Qualified by hand: in a select list the column would print bare and mean m.user_id.
            sql<boolean>`not exists (select 1 from ${crewMembers} m where m.crew_id = ${crewId}
              and m.user_id = ${runParticipants}.user_id and m.status = 'member')`
          : sql<boolean>`false`,
      })
      .from(runParticipants)
      .where(and(eq(runParticipants.runId, run.id), eq(runParticipants.status, 'waitlisted')))
      .orderBy(asc(runParticipants.createdAt), asc(runParticipants.userId));
    const waiting = capped ? await queue : await queue.limit(seats);
    let guestSeatsFree = capped ? guestSeats - (await this.guestsIn(tx, run.id, crewId, run.hostId)) : seats;
    const ids: string[] = [];
    for (const w of waiting) {
      if (ids.length >= seats) break;
      if (w.guest) {
        if (guestSeatsFree <= 0) continue;
        guestSeatsFree -= 1;
      }
      ids.push(w.userId);
    }
    if (ids.length > 0) {
      await db
        .update(runParticipants)
        .set({ status: 'joined' })
        .where(and(eq(runParticipants.runId, run.id), inArray(runParticipants.userId, ids)));
    }
    return ids;
  }

  /** Everyone in the run or waiting for it but the host: who hears about a change. */
  async audienceOf(tx: Tx, run: RunRow): Promise<string[]> {
    const rows = await sqlOf(tx)
      .select({ userId: runParticipants.userId })
      .from(runParticipants)
      .where(
        and(
          eq(runParticipants.runId, run.id),
          ne(runParticipants.userId, run.hostId),
          inArray(runParticipants.status, ['joined', 'waitlisted']),
        ),
      );
    return rows.map((r) => r.userId);
  }
}
