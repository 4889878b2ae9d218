import { and, asc, desc, eq, inArray, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  crewMembers,
  runCohosts,
  runPaceGroups,
  runParticipants,
  runs,
  seatOffers,
} from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import type { RunRow } from './runs.queries.ts';

export type ParticipantRow = typeof runParticipants.$inferSelect;
export type Place = 'joined' | 'waitlisted';
export type SeatOfferRow = typeof seatOffers.$inferSelect;
export type PaceGroupRow = typeof runPaceGroups.$inferSelect;
/** Where seats are counted: the whole run (null) or one of its pace groups. */
export type SeatScope = string | null;
/** What the waitlist's order needs of a run (as it will be, when an edit changes its guest cap). */
export type QueueRun = Pick<RunRow, 'id' | 'hostId' | 'crewId' | 'guestSeats'>;

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
   * Guests holding a seat of a crew run: runners who are not members of its crew, nor its host or a co-host,
   * seated or (unless `offered: false`) offered a seat — an open offer holds its seat, issue 17. Read with the
   * run locked, so the count is the one the next join, promotion or offer sees.
   */
  async guestsIn(
    tx: Tx,
    runId: string,
    crewId: string,
    hostId: string,
    { offered = true }: { offered?: boolean } = {},
  ): Promise<number> {
    const [row] = await sqlOf(tx)
      .select({ n: sql<number>`count(*)::int` })
      .from(runParticipants)
      .where(
        and(
          eq(runParticipants.runId, runId),
          offered
            ? sql`(${runParticipants.status} = 'joined' or (${runParticipants.status} = 'waitlisted'
              and exists (select 1 from ${seatOffers} o where o.run_id = ${runParticipants.runId}
                and o.user_id = ${runParticipants.userId} and o.status = 'open')))`
            : eq(runParticipants.status, 'joined'),
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

  /**
   * Adds the user in a seat or at the end of the waitlist (of their pace group, when given); returns the length
   * of that waitlist after.
   */
  async add(
    tx: Tx,
    runId: string,
    userId: string,
    place: Place,
    now: Date,
    paceGroupId: SeatScope = null,
  ): Promise<number> {
    const db = sqlOf(tx);
    await db.insert(runParticipants).values({ runId, userId, status: place, createdAt: now, paceGroupId });
    if (paceGroupId !== null) {
      await this.moveCounts(tx, runId, {
        participants: place === 'joined' ? 1 : 0,
        waitlist: place === 'waitlisted' ? 1 : 0,
      });
      return (await this.seatsOf(tx, runId, paceGroupId)).waitlist;
    }
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
      await db
        .update(runParticipants)
        .set({ status: 'removed', removedReason: removal.reason, paceGroupId: null })
        .where(where);
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
   * Who goes first: see `firstInLine`. Called with the run locked; `run` carries the run's values as they will
   * be (an edit's new cap).
   */
  async promoteWaitlisted(tx: Tx, run: QueueRun, seats: number, scope: SeatScope = null): Promise<string[]> {
    const ids = await this.firstInLine(tx, run, seats, false, scope);
    if (ids.length > 0) {
      await sqlOf(tx)
        .update(runParticipants)
        .set({ status: 'joined' })
        .where(and(eq(runParticipants.runId, run.id), inArray(runParticipants.userId, ids)));
    }
    return ids;
  }

  /**
   * Up to `seats` waitlisted runners who may take a seat, in the waitlist's order (optionally only those
   * holding no open offer). A crew run with guest seats skips the waiting guests while those seats are held —
   * by seated guests or guests offered a seat (a member behind them goes first; the guests keep their places).
   * Called with the run locked, so the guests counted are the ones the next join, promotion or offer sees.
   */
  private async firstInLine(
    tx: Tx,
    run: QueueRun,
    seats: number,
    unofferedOnly: boolean,
    scope: SeatScope,
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
      .where(
        and(
          eq(runParticipants.runId, run.id),
          eq(runParticipants.status, 'waitlisted'),
          scope === null ? undefined : eq(runParticipants.paceGroupId, scope),
          unofferedOnly
            ? sql`not exists (select 1 from ${seatOffers} o where o.run_id = ${run.id}
                and o.user_id = "run_participants"."user_id" and o.status = 'open')`
            : undefined,
        ),
      )
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

  // Seat offers (DOMAIN.md "Seat offer"): a seat freed within 24 h of the start is held for one waitlisted
  // runner at a time. Every change happens with the run's row locked, like the seats themselves.

  /**
   * The run's fresh counters and its open offers (each holds one free seat), read with the run locked — or,
   * with a pace group as the scope, that group's seated runners, waitlist and open offers, counted.
   */
  async seatsOf(
    tx: Tx,
    runId: string,
    scope: SeatScope = null,
  ): Promise<{ participants: number; waitlist: number; offered: number }> {
    const db = sqlOf(tx);
    if (scope !== null) {
      const [row] = await db
        .select({
          participants: sql<number>`count(*) filter (where ${runParticipants.status} = 'joined')::int`,
          waitlist: sql<number>`count(*) filter (where ${runParticipants.status} = 'waitlisted')::int`,
          offered: sql<number>`count(*) filter (where ${runParticipants.status} = 'waitlisted' and exists (
            select 1 from ${seatOffers} o where o.run_id = ${runId}
              and o.user_id = "run_participants"."user_id" and o.status = 'open'))::int`,
        })
        .from(runParticipants)
        .where(and(eq(runParticipants.runId, runId), eq(runParticipants.paceGroupId, scope)));
      return {
        participants: Number(row?.participants ?? 0),
        waitlist: Number(row?.waitlist ?? 0),
        offered: Number(row?.offered ?? 0),
      };
    }
    const [counts] = await db
      .select({ participants: runs.participantCount, waitlist: runs.waitlistCount })
      .from(runs)
      .where(eq(runs.id, runId));
    const [open] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(seatOffers)
      .where(and(eq(seatOffers.runId, runId), eq(seatOffers.status, 'open')));
    return {
      participants: counts?.participants ?? 0,
      waitlist: counts?.waitlist ?? 0,
      offered: Number(open?.n ?? 0),
    };
  }

  /**
   * Up to `n` waitlisted runners who hold no open offer and may take a seat (guests only while a guest seat
   * is free), first in line first.
   */
  nextUnoffered(tx: Tx, run: QueueRun, n: number, scope: SeatScope = null): Promise<string[]> {
    return this.firstInLine(tx, run, n, true, scope);
  }

  async offerSeats(tx: Tx, runId: string, userIds: string[], now: Date, expiresAt: Date): Promise<void> {
    if (userIds.length === 0) return;
    await sqlOf(tx)
      .insert(seatOffers)
      .values(userIds.map((userId) => ({ runId, userId, status: 'open', offeredAt: now, expiresAt })));
  }

  /** The user's latest offer for the run (any status), or undefined. */
  async latestOffer(tx: Tx | null, runId: string, userId: string): Promise<SeatOfferRow | undefined> {
    const [row] = await (tx ? sqlOf(tx) : this.db)
      .select()
      .from(seatOffers)
      .where(and(eq(seatOffers.runId, runId), eq(seatOffers.userId, userId)))
      .orderBy(desc(seatOffers.offeredAt), desc(seatOffers.id))
      .limit(1);
    return row;
  }

  /** Closes an open offer; false when it was no longer open. */
  async resolveOffer(
    tx: Tx,
    id: string,
    status: 'claimed' | 'lapsed' | 'withdrawn',
    now: Date,
  ): Promise<boolean> {
    const rows = await sqlOf(tx)
      .update(seatOffers)
      .set({ status, resolvedAt: now })
      .where(and(eq(seatOffers.id, id), eq(seatOffers.status, 'open')))
      .returning({ id: seatOffers.id });
    return rows.length > 0;
  }

  /** Marks the run's open offers that have expired `lapsed`; returns whose they were. */
  async lapseExpired(tx: Tx, runId: string, now: Date): Promise<string[]> {
    const rows = await sqlOf(tx)
      .update(seatOffers)
      .set({ status: 'lapsed', resolvedAt: now })
      .where(and(eq(seatOffers.runId, runId), eq(seatOffers.status, 'open'), lte(seatOffers.expiresAt, now)))
      .returning({ userId: seatOffers.userId });
    return rows.map((r) => r.userId);
  }

  /** A cancelled run's open offers are withdrawn. */
  async withdrawOffers(tx: Tx, runId: string, now: Date): Promise<void> {
    await sqlOf(tx)
      .update(seatOffers)
      .set({ status: 'withdrawn', resolvedAt: now })
      .where(and(eq(seatOffers.runId, runId), eq(seatOffers.status, 'open')));
  }

  /** Runs with an open offer expired by `now` (the lapse job's work; the expiry index serves it). */
  async runsWithExpiredOffers(now: Date, limit = 500): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ runId: seatOffers.runId })
      .from(seatOffers)
      .where(and(eq(seatOffers.status, 'open'), lte(seatOffers.expiresAt, now)))
      .limit(limit);
    return rows.map((r) => r.runId);
  }

  /** Takes waitlisted runners off the waitlist (their offer lapsed or they declined it); counters are the caller's. */
  async dropWaitlisted(tx: Tx, runId: string, userIds: string[]): Promise<number> {
    if (userIds.length === 0) return 0;
    const rows = await sqlOf(tx)
      .delete(runParticipants)
      .where(
        and(
          eq(runParticipants.runId, runId),
          eq(runParticipants.status, 'waitlisted'),
          inArray(runParticipants.userId, userIds),
        ),
      )
      .returning({ userId: runParticipants.userId });
    return rows.length;
  }

  /**
   * The user's place read afresh (after `lock`: a join waiting on the lock re-reads the run's row, not the
   * participant row it joined to, which may be stale by then).
   */
  async placeOf(tx: Tx, runId: string, userId: string): Promise<string | undefined> {
    const [row] = await sqlOf(tx)
      .select({ status: runParticipants.status })
      .from(runParticipants)
      .where(and(eq(runParticipants.runId, runId), eq(runParticipants.userId, userId)));
    return row?.status;
  }

  /** A waitlisted runner takes the seat offered to them; counters are the caller's. */
  async seat(tx: Tx, runId: string, userId: string): Promise<void> {
    await sqlOf(tx)
      .update(runParticipants)
      .set({ status: 'joined' })
      .where(
        and(
          eq(runParticipants.runId, runId),
          eq(runParticipants.userId, userId),
          eq(runParticipants.status, 'waitlisted'),
        ),
      );
  }

  // Pace groups (DOMAIN.md "Pace groups"): each counts its own seats and queue; every change under the run's lock.

  /** The run's pace groups, fastest first (empty: the run has none). */
  async groupsOf(tx: Tx | null, runId: string): Promise<PaceGroupRow[]> {
    return (tx ? sqlOf(tx) : this.db)
      .select()
      .from(runPaceGroups)
      .where(eq(runPaceGroups.runId, runId))
      .orderBy(asc(runPaceGroups.position));
  }

  /** Writes the run's groups as the edit leaves them: kept ones updated, new ones added, the rest deleted. */
  async saveGroups(
    tx: Tx,
    runId: string,
    groups: { id?: string | undefined; paceSecPerKm: number; capacity: number; pacerId: string | null }[],
    now: Date,
  ): Promise<void> {
    const db = sqlOf(tx);
    const keep = groups.flatMap((g) => (g.id ? [g.id] : []));
    await db
      .delete(runPaceGroups)
      .where(
        and(eq(runPaceGroups.runId, runId), keep.length > 0 ? notInArray(runPaceGroups.id, keep) : undefined),
      );
    // Paces are unique per run: kept groups first move out of the way (a swap of two paces is allowed).
    if (keep.length > 0)
      await db
        .update(runPaceGroups)
        .set({ paceSecPerKm: sql`-${runPaceGroups.paceSecPerKm}` })
        .where(inArray(runPaceGroups.id, keep));
    const ordered = [...groups].sort((a, b) => a.paceSecPerKm - b.paceSecPerKm);
    for (const [position, g] of ordered.entries()) {
      const values = { paceSecPerKm: g.paceSecPerKm, capacity: g.capacity, pacerId: g.pacerId, position };
      if (g.id) await db.update(runPaceGroups).set(values).where(eq(runPaceGroups.id, g.id));
      else await db.insert(runPaceGroups).values({ ...values, runId, createdAt: now });
    }
  }

  /** Runners in the run (seated or waiting) with no pace group yet, first come first. */
  async ungrouped(tx: Tx, runId: string): Promise<{ userId: string; status: string }[]> {
    return sqlOf(tx)
      .select({ userId: runParticipants.userId, status: runParticipants.status })
      .from(runParticipants)
      .where(
        and(
          eq(runParticipants.runId, runId),
          inArray(runParticipants.status, ['joined', 'waitlisted']),
          sql`${runParticipants.paceGroupId} is null`,
        ),
      )
      .orderBy(asc(runParticipants.createdAt), asc(runParticipants.userId));
  }

  /** Who is in a group (seated or waiting): a group that is removed must be empty. */
  async groupHasRunners(tx: Tx, groupId: string): Promise<boolean> {
    const [row] = await sqlOf(tx)
      .select({ userId: runParticipants.userId })
      .from(runParticipants)
      .where(
        and(
          eq(runParticipants.paceGroupId, groupId),
          inArray(runParticipants.status, ['joined', 'waitlisted']),
        ),
      )
      .limit(1);
    return row !== undefined;
  }

  /**
   * Puts a runner in a pace group (null: none), seated or waiting; a runner who starts waiting goes to the end
   * of the group's waitlist (their queue time is now).
   */
  async placeInGroup(
    tx: Tx,
    runId: string,
    userId: string,
    paceGroupId: SeatScope,
    status: Place,
    requeueAt?: Date,
  ): Promise<void> {
    await sqlOf(tx)
      .update(runParticipants)
      .set({ paceGroupId, status, ...(requeueAt ? { createdAt: requeueAt } : {}) })
      .where(and(eq(runParticipants.runId, runId), eq(runParticipants.userId, userId)));
  }

  /** A run without pace groups any more: nobody is in one (the groups are deleted after). */
  async ungroupAll(tx: Tx, runId: string): Promise<void> {
    await sqlOf(tx)
      .update(runParticipants)
      .set({ paceGroupId: null })
      .where(eq(runParticipants.runId, runId));
  }

  /** The runner's 1-based place in the waitlist of their pace group (the waitlist's order: queue time, id). */
  async waitlistPlace(tx: Tx, runId: string, userId: string, groupId: string): Promise<number> {
    const [row] = await sqlOf(tx)
      .select({ n: sql<number>`count(*)::int` })
      .from(runParticipants)
      .where(
        and(
          eq(runParticipants.runId, runId),
          eq(runParticipants.paceGroupId, groupId),
          eq(runParticipants.status, 'waitlisted'),
          sql`(${runParticipants.createdAt}, ${runParticipants.userId}) <= (select m.created_at, m.user_id
            from ${runParticipants} m where m.run_id = ${runId} and m.user_id = ${userId})`,
        ),
      );
    return Number(row?.n ?? 0);
  }

  /** The runner's status and pace group in the run, read afresh. */
  async runnerOf(
    tx: Tx,
    runId: string,
    userId: string,
  ): Promise<{ status: string; paceGroupId: string | null } | undefined> {
    const [row] = await sqlOf(tx)
      .select({ status: runParticipants.status, paceGroupId: runParticipants.paceGroupId })
      .from(runParticipants)
      .where(and(eq(runParticipants.runId, runId), eq(runParticipants.userId, userId)));
    return row;
  }

  /** A pacer who leaves (or is removed) paces no more. */
  async dropPacer(tx: Tx, runId: string, userId: string): Promise<void> {
    await sqlOf(tx)
      .update(runPaceGroups)
      .set({ pacerId: null })
      .where(and(eq(runPaceGroups.runId, runId), eq(runPaceGroups.pacerId, userId)));
  }
}
