import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { runParticipants, runs } from '../../db/tables.ts';
import { dropAttendanceOf } from '../after-run/index.ts';
import { type Announcement, type NewNotification, storeNotifications } from '../notifications/index.ts';
import type { RunRow } from './runs.queries.ts';

export type ParticipantRow = typeof runParticipants.$inferSelect;

/** Rules the service checks on the locked run, inside the transaction. Throwing rolls everything back. */
export type Guard = (run: RunRow, mine: ParticipantRow | undefined) => void;

export type JoinOutcome = { status: 'joined' } | { status: 'waitlisted'; position: number };

/**
 * Every change to who is in a run happens with the run's row locked (SELECT … FOR UPDATE), so concurrent
 * joins queue up and the seat count read is the one written: seats are never oversold. The CHECK constraint
 * on participant_count ≤ capacity and the (run_id, user_id) primary key back this up in the database.
 */
export class ParticipationRepository {
  constructor(private readonly db: Db) {}

  /** Joins (or queues); the host's notice is stored in the same transaction. */
  async join(
    runId: string,
    userId: string,
    now: Date,
    guard: Guard,
    notices: (run: RunRow, outcome: JoinOutcome) => NewNotification[],
  ): Promise<{ outcome: JoinOutcome; announced: Announcement[] }> {
    return this.db.transaction(async (tx) => {
      const { run, mine } = await this.lock(tx, runId, userId);
      guard(run, mine);
      const seat = run.participantCount < run.capacity;
      await tx
        .insert(runParticipants)
        .values({ runId, userId, status: seat ? 'joined' : 'waitlisted', createdAt: now });
      const [counts] = await tx
        .update(runs)
        .set(
          seat
            ? { participantCount: sql`${runs.participantCount} + 1` }
            : { waitlistCount: sql`${runs.waitlistCount} + 1` },
        )
        .where(eq(runs.id, runId))
        .returning({ waitlistCount: runs.waitlistCount });
      const outcome: JoinOutcome = seat
        ? { status: 'joined' }
        : { status: 'waitlisted', position: counts?.waitlistCount ?? 1 };
      return { outcome, announced: await storeNotifications(tx, notices(run, outcome)) };
    });
  }

  /**
   * Leaves (or is removed); a freed seat goes to the first on the waitlist. Whoever goes loses their
   * attendance marks for the run and the score those gave or took. Returns the notices stored.
   */
  async release(
    runId: string,
    userId: string,
    guard: Guard,
    removal: { reason: string } | null,
    notices: (run: RunRow, promoted: string | null) => NewNotification[],
  ): Promise<Announcement[]> {
    return this.db.transaction(async (tx) => {
      const { run, mine } = await this.lock(tx, runId, userId);
      guard(run, mine);
      if (!mine) throw new Error('guard let a missing participant through');
      const where = and(eq(runParticipants.runId, runId), eq(runParticipants.userId, userId));
      if (removal) {
        await tx
          .update(runParticipants)
          .set({ status: 'removed', removedReason: removal.reason })
          .where(where);
      } else {
        await tx.delete(runParticipants).where(where);
      }
      await dropAttendanceOf(tx, runId, userId);
      const promoted = mine.status === 'joined' ? await promoteWaitlisted(tx, run, 1) : [];
      const seatFreed = mine.status === 'joined' && promoted.length === 0;
      await tx
        .update(runs)
        .set({
          participantCount: seatFreed ? sql`${runs.participantCount} - 1` : runs.participantCount,
          waitlistCount: sql`${runs.waitlistCount} - ${mine.status === 'waitlisted' || promoted.length ? 1 : 0}`,
        })
        .where(eq(runs.id, runId));
      return storeNotifications(tx, notices(run, promoted[0] ?? null));
    });
  }

  /** The run's row, locked, and the user's place in it: one statement. */
  async lock(tx: Tx, runId: string, userId: string) {
    const [row] = await tx
      .select({ run: runs, mine: runParticipants })
      .from(runs)
      .leftJoin(runParticipants, and(eq(runParticipants.runId, runs.id), eq(runParticipants.userId, userId)))
      .where(eq(runs.id, runId))
      .for('update', { of: runs });
    if (!row) throw new RunMissing();
    return { run: row.run, mine: row.mine ?? undefined };
  }
}

/** Thrown inside a transaction when the run does not exist; the service turns it into a 404. */
export class RunMissing extends Error {}

/** Moves up to `seats` users from the head of the waitlist into the run; counters are the caller's job. */
export async function promoteWaitlisted(tx: Tx, run: RunRow, seats: number): Promise<string[]> {
  if (seats <= 0) return [];
  const next = await tx
    .select({ userId: runParticipants.userId })
    .from(runParticipants)
    .where(and(eq(runParticipants.runId, run.id), eq(runParticipants.status, 'waitlisted')))
    .orderBy(asc(runParticipants.createdAt), asc(runParticipants.userId))
    .limit(seats);
  const ids = next.map((n) => n.userId);
  if (ids.length > 0) {
    await tx
      .update(runParticipants)
      .set({ status: 'joined' })
      .where(and(eq(runParticipants.runId, run.id), inArray(runParticipants.userId, ids)));
  }
  return ids;
}

/** Everyone in the run or waiting for it but the host: who hears about a change. */
export async function audienceOf(tx: Tx, run: RunRow): Promise<string[]> {
  const rows = await tx
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
