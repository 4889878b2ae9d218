import { type ClaimSeatOfferResult, type JoinResult, type NotificationCategory } from '@erun/contracts';
import {
  ConflictError,
  ForbiddenError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Realtime } from '../../ports/realtime.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { NewNotification, NotificationsService } from '../notifications/notifications.service.ts';
import type { PaceGroupRow, ParticipantRow, ParticipationRepository } from './participation.repository.ts';
import type { RunRow } from './runs.repository.ts';
import { type CrewAccess, type ManageRole, notice, runNotFound } from './runs.service.ts';
import { SeatQueue } from './seat-queue.ts';

/** What participation asks of the rest: the caller's crew role, and their managing role in a run. */
export interface ParticipationRoles {
  roleOf: CrewAccess['roleOf'];
  manageRole: (runId: string, userId: string) => Promise<ManageRole>;
}

/** What participation needs of after-run: a runner who goes loses their marks for the run (ADR 012). */
export interface AttendanceDropper {
  dropAttendanceOf(tx: Tx, runId: string, userId: string): Promise<void>;
}

/** What participation tells after-run of a leave: a joined runner leaving within 3 h of the start is recorded. */
export interface LeaveRecorder {
  recordLeave(tx: Tx, run: Pick<RunRow, 'id' | 'startsAt'>, userId: string, now: Date): Promise<void>;
}

/**
 * A rule another module adds to joining a run (issue 17: blocks, suspension, 여성 전용, a minimum attendance
 * rate): checked in the join's unit of work on the locked run, after the run's own rules (members only,
 * removed, already in, deadline) and before seats are counted; it refuses by throwing an AppError.
 */
export interface JoinCheck {
  check(tx: Tx, run: RunRow, userId: string, now: Date): Promise<void>;
}

/**
 * Joining, leaving and removal: DOMAIN.md's rules, checked on the locked run inside one unit of work; the
 * notices go in the same transaction and are announced, with the run's new counts, after it commits.
 */
export class ParticipationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: ParticipationRepository,
    private readonly clock: Clock,
    private readonly notifications: Pick<NotificationsService, 'notify'>,
    private readonly attendance: AttendanceDropper,
    private readonly realtime: Realtime,
    /** Whoever leaves or is removed loses the run's chat at once (their open sockets leave its room). */
    private readonly revokeChat: (runId: string, userIds: string[]) => void,
    private readonly roles: ParticipationRoles,
    /** Other modules' rules for joining (see JoinCheck), in order. */
    private readonly joinChecks: readonly JoinCheck[] = [],
    /** Late cancellations for the reliability record (after-run owns it), in the leave's unit of work. */
    private readonly leaves: LeaveRecorder | null = null,
  ) {
    this.seats = new SeatQueue(repo, notifications);
  }

  /** Free seats to the waitlist, in order: offered within 24 h of the start, else given at once. */
  private readonly seats: SeatQueue;

  /**
   * A seat, or a place on the waitlist. A crew run asks the crew first (read before the lock): members-only
   * runs refuse non-members (403 CREW_MEMBERS_ONLY), and a public one with guest seats lets non-members in
   * while the guests seated or offered a seat are fewer than the cap (409 GUEST_SEATS_FULL) — counted on the
   * locked run, so concurrent joins never pass it.
   */
  async join(runId: string, userId: string, paceGroupId?: string): Promise<JoinResult> {
    const now = this.clock.now();
    const crewOf = await this.repo.crewOf(runId);
    const member = crewOf?.crewId ? (await this.roles.roleOf(crewOf.crewId, userId)) !== null : false;
    return this.uow
      .run(async (tx) => {
        const { run, mine } = await this.locked(tx, runId, userId);
        if (run.crewId !== null && run.visibility === 'crew' && !member && !mine && run.hostId !== userId)
          throw new ForbiddenError('CREW_MEMBERS_ONLY', 'Only the crew’s members can join this run');
        if (mine?.status === 'removed')
          throw new ConflictError('REMOVED_BY_HOST', 'The host removed you from this run');
        if (mine || run.hostId === userId)
          throw new ConflictError('ALREADY_JOINED', 'You are already in this run');
        if (now >= run.joinDeadline)
          throw new ConflictError('JOIN_CLOSED', 'Joining has closed for this run');
        // A run with pace groups is joined into one of them (DOMAIN.md "Pace groups"); its seats and waitlist
        // are the group's own.
        const group = groupOf(await this.repo.groupsOf(tx, runId), paceGroupId);
        for (const rule of this.joinChecks) await rule.check(tx, run, userId, now);
        if (run.crewId !== null && run.guestSeats !== null && !member) {
          const guests = await this.repo.guestsIn(tx, run.id, run.crewId, run.hostId);
          if (guests >= run.guestSeats)
            throw new ConflictError('GUEST_SEATS_FULL', 'The seats for guests are taken');
        }
        // A free seat is taken; a full run queues the runner at the end of its waitlist. A seat offered to a
        // waitlisted runner (issue 17) is not free: nobody jumps the queue.
        const seat = group
          ? await this.seatFreeIn(tx, runId, group)
          : run.participantCount + (await this.repo.seatsOf(tx, runId)).offered < run.capacity;
        const waitlistLength = await this.repo.add(
          tx,
          runId,
          userId,
          seat ? 'joined' : 'waitlisted',
          now,
          group?.id ?? null,
        );
        const outcome: JoinResult = seat
          ? { status: 'joined' }
          : { status: 'waitlisted', position: waitlistLength };
        await this.notifications.notify(tx, [
          { ...toHost(run, userId, 'run_joined'), data: { title: run.title, status: outcome.status } },
        ]);
        this.countsChanged(tx, runId);
        return outcome;
      })
      .catch(alreadyJoined);
  }

  async leave(runId: string, userId: string): Promise<void> {
    const now = this.clock.now();
    await this.uow.run(async (tx) => {
      const { run, mine } = await this.locked(tx, runId, userId);
      if (run.hostId === userId)
        throw new ConflictError('HOST_CANNOT_LEAVE', 'The host cannot leave; cancel the run instead');
      if (!mine || mine.status === 'removed')
        throw new NotFoundError('NOT_JOINED', 'You are not in this run');
      if (now >= run.startsAt) throw new ConflictError('RUN_STARTED', 'The run has already started');
      if (mine.status === 'joined') await this.leaves?.recordLeave(tx, run, userId, now);
      const promoted = await this.release(tx, run, mine, null, now);
      // A co-host who leaves is a co-host no more.
      await this.repo.dropCoHost(tx, runId, userId);
      // Once committed: their open sockets leave the run's chat, then they and the host hear of it.
      tx.afterCommit(() => this.revokeChat(runId, [userId]));
      await this.notifications.notify(tx, [
        toHost(run, userId, 'run_left'),
        ...promoted.map((id) => notice(id, 'waitlist_promoted', run)),
      ]);
      this.countsChanged(tx, runId);
    });
  }

  /**
   * The host, a co-host or (a crew run) the crew's staff removes a runner. Only the host removes co-hosts;
   * nobody removes the host.
   */
  async remove(runId: string, actorId: string, targetId: string, reason: string): Promise<void> {
    const now = this.clock.now();
    const role = await this.roles.manageRole(runId, actorId);
    await this.uow.run(async (tx) => {
      const { run, mine: target } = await this.locked(tx, runId, targetId);
      if (role === null) throw new ForbiddenError('NOT_HOST', 'Only the host can remove participants');
      if (targetId === actorId)
        throw new ConflictError('HOST_CANNOT_LEAVE', 'The host cannot remove themself');
      if (targetId === run.hostId) throw new ForbiddenError('NOT_HOST', 'Nobody removes the host');
      const targetIsCoHost = await this.repo.isCoHost(tx, runId, targetId);
      if (targetIsCoHost && role !== 'host')
        throw new ForbiddenError('NOT_HOST', 'Only the host removes a co-host');
      if (!target || target.status === 'removed') throw new NotFoundError('NOT_JOINED', 'Not in this run');
      if (now >= run.startsAt) throw new ConflictError('RUN_STARTED', 'The run has already started');
      const promoted = await this.release(tx, run, target, { reason }, now);
      if (targetIsCoHost) await this.repo.dropCoHost(tx, runId, targetId);
      tx.afterCommit(() => this.revokeChat(runId, [targetId]));
      await this.notifications.notify(tx, [
        { ...notice(targetId, 'run_removed', run, { reason }), actorId },
        ...promoted.map((id) => notice(id, 'waitlist_promoted', run)),
      ]);
      this.countsChanged(tx, runId);
    });
  }

  /**
   * Moves a runner to another pace group of the run, before its start. The host or a co-host (or the crew's
   * staff) moves anyone; a runner moves only themself, and only into a group with a free seat. A seated runner
   * moves only into a free seat (409 PACE_GROUP_FULL: seats are never oversold); a waitlisted one takes a free
   * seat, or — moved by the host — waits at the end of the full group's waitlist. The seat left behind goes to
   * the old group's waitlist (SeatQueue). Returns where the runner is now.
   */
  async moveToGroup(
    runId: string,
    actorId: string,
    targetId: string,
    paceGroupId: string,
  ): Promise<JoinResult> {
    const now = this.clock.now();
    const role = actorId === targetId ? null : await this.roles.manageRole(runId, actorId);
    const crewOf = await this.repo.crewOf(runId);
    const member = crewOf?.crewId ? (await this.roles.roleOf(crewOf.crewId, targetId)) !== null : false;
    return this.uow.run(async (tx) => {
      const { run, mine: target } = await this.locked(tx, runId, targetId);
      if (actorId !== targetId && role === null)
        throw new ForbiddenError('NOT_HOST', 'Only the host moves other runners between pace groups');
      if (!target || (target.status !== 'joined' && target.status !== 'waitlisted'))
        throw new NotFoundError('NOT_JOINED', 'Not in this run');
      if (now >= run.startsAt) throw new ConflictError('RUN_STARTED', 'The run has already started');
      const group = groupOf(await this.repo.groupsOf(tx, runId), paceGroupId);
      if (!group) throw paceGroupNotFound();
      if (target.paceGroupId === group.id) {
        if (target.status === 'joined') return { status: 'joined' };
        return { status: 'waitlisted', position: await this.positionIn(tx, run.id, targetId, group.id) };
      }
      let free = await this.seatFreeIn(tx, runId, group);
      // A waiting guest takes a seat only while the guest seats are not all held (like any promotion).
      if (free && target.status === 'waitlisted' && run.crewId !== null && run.guestSeats !== null && !member)
        free = (await this.repo.guestsIn(tx, run.id, run.crewId, run.hostId)) < run.guestSeats;
      const byManager = actorId !== targetId;
      if (!free && (target.status === 'joined' || !byManager))
        throw new ConflictError('PACE_GROUP_FULL', 'That pace group has no free seat');
      // A waitlisted runner gives up a seat offered in the old group.
      if (target.status === 'waitlisted') {
        const offer = await this.repo.latestOffer(tx, run.id, targetId);
        if (offer?.status === 'open') await this.repo.resolveOffer(tx, offer.id, 'withdrawn', now);
      }
      const status = free ? 'joined' : 'waitlisted';
      await this.repo.placeInGroup(tx, run.id, targetId, group.id, status, free ? undefined : now);
      // A pacer who leaves the group they pace paces it no more.
      await this.repo.dropPacer(tx, run.id, targetId);
      if (target.status === 'waitlisted' && free)
        await this.repo.moveCounts(tx, run.id, { participants: 1, waitlist: -1 });
      const promoted = await this.seats.fill(tx, run, now);
      await this.notifications.notify(tx, [
        ...(byManager
          ? [{ ...notice(targetId, 'run_updated', run, { paceGroup: String(group.paceSecPerKm) }), actorId }]
          : []),
        ...promoted.map((id) => notice(id, 'waitlist_promoted', run)),
      ]);
      this.countsChanged(tx, runId);
      if (status === 'joined') return { status: 'joined' };
      return { status: 'waitlisted', position: await this.positionIn(tx, run.id, targetId, group.id) };
    });
  }

  /** Whether the locked run's pace group has a seat neither taken nor offered. */
  private async seatFreeIn(tx: Tx, runId: string, group: PaceGroupRow): Promise<boolean> {
    const seats = await this.repo.seatsOf(tx, runId, group.id);
    return seats.participants + seats.offered < group.capacity;
  }

  /** The runner's 1-based place in their group's waitlist. */
  private async positionIn(tx: Tx, runId: string, userId: string, groupId: string): Promise<number> {
    return this.repo.waitlistPlace(tx, runId, userId, groupId);
  }

  /** The run, locked, and the user's place in it; a missing or cancelled run is a 404. */
  private async locked(tx: Tx, runId: string, userId: string) {
    const found = await this.repo.lock(tx, runId, userId);
    if (!found || found.run.cancelledAt) throw runNotFound();
    return found;
  }

  /**
   * Takes a runner out of the locked run: they lose their attendance marks for it (and the score those
   * gave or took); a seat they held goes to the waitlist in order (SeatQueue: at once, or within 24 h of the
   * start and before the join deadline, issue 17, as an offer the runner claims) — to the first who may take
   * it (guests wait while the guest seats are held, so a seat can stay empty and fills when one may). Returns
   * who was promoted at once.
   */
  private async release(
    tx: Tx,
    run: RunRow,
    who: ParticipantRow,
    removal: { reason: string } | null,
    now: Date,
  ): Promise<string[]> {
    await this.repo.takeOut(tx, run.id, who.userId, removal);
    await this.repo.dropPacer(tx, run.id, who.userId);
    await this.attendance.dropAttendanceOf(tx, run.id, who.userId);
    // A waitlisted runner who goes gives up a seat offered to them too.
    const offer =
      who.status === 'waitlisted' ? await this.repo.latestOffer(tx, run.id, who.userId) : undefined;
    if (offer?.status === 'open') await this.repo.resolveOffer(tx, offer.id, 'withdrawn', now);
    await this.repo.moveCounts(tx, run.id, {
      participants: who.status === 'joined' ? -1 : 0,
      waitlist: who.status === 'waitlisted' ? -1 : 0,
    });
    // Every free seat after this one is filled: seats a waiting guest could not take before count too.
    return this.seats.fill(tx, run, now);
  }

  /**
   * The offered runner takes the seat: 200 while their offer is open and unexpired (and again, idempotently,
   * once claimed); 409 SEAT_OFFER_EXPIRED once it lapsed or was given up; 404 SEAT_OFFER_NOT_FOUND when there
   * was none. The host hears of it as of any join.
   */
  async claimSeat(runId: string, userId: string): Promise<ClaimSeatOfferResult> {
    const now = this.clock.now();
    const crewOf = await this.repo.crewOf(runId);
    const member = crewOf?.crewId ? (await this.roles.roleOf(crewOf.crewId, userId)) !== null : false;
    const outcome = await this.uow.run(async (tx): Promise<ClaimSeatOfferResult | 'guest_seats_full'> => {
      const { run } = await this.locked(tx, runId, userId);
      const place = await this.repo.placeOf(tx, runId, userId);
      const offer = await this.repo.latestOffer(tx, runId, userId);
      if (offer?.status === 'claimed' && place === 'joined') return { status: 'joined' };
      if (!offer || offer.status === 'claimed') throw offerNotFound();
      if (offer.status !== 'open' || offer.expiresAt <= now || place !== 'waitlisted')
        throw new ConflictError('SEAT_OFFER_EXPIRED', 'The time to confirm this seat has passed');
      // The guest seats were lowered under the guests offered one: the offer is withdrawn (committed), the
      // runner keeps their place, and the seat goes on to the next runner who may take it.
      if (run.crewId !== null && run.guestSeats !== null && !member) {
        const seated = await this.repo.guestsIn(tx, run.id, run.crewId, run.hostId, { offered: false });
        if (seated >= run.guestSeats) {
          await this.repo.resolveOffer(tx, offer.id, 'withdrawn', now);
          await this.seats.offer(tx, run, now);
          this.countsChanged(tx, runId);
          return 'guest_seats_full';
        }
      }
      await this.repo.resolveOffer(tx, offer.id, 'claimed', now);
      await this.repo.seat(tx, runId, userId);
      await this.repo.moveCounts(tx, runId, { participants: 1, waitlist: -1 });
      await this.notifications.notify(tx, [
        { ...toHost(run, userId, 'run_joined'), data: { title: run.title, status: 'joined' } },
      ]);
      this.countsChanged(tx, runId);
      return { status: 'joined' };
    });
    if (outcome === 'guest_seats_full')
      throw new ConflictError('GUEST_SEATS_FULL', 'The seats for guests are taken');
    return outcome;
  }

  /**
   * The offered runner gives the seat up (양보): the offer is withdrawn, they leave the waitlist (they may join
   * again, at its end) and the seat is offered to the next runner at once. 404 when they hold no open offer.
   */
  async declineSeat(runId: string, userId: string): Promise<void> {
    const now = this.clock.now();
    await this.uow.run(async (tx) => {
      const { run } = await this.locked(tx, runId, userId);
      const offer = await this.repo.latestOffer(tx, runId, userId);
      if (offer?.status !== 'open') throw offerNotFound();
      await this.repo.resolveOffer(tx, offer.id, offer.expiresAt <= now ? 'lapsed' : 'withdrawn', now);
      await this.passOn(tx, run, [userId], now);
    });
  }

  /**
   * The lapse job: every run with an open offer past its expiry, one unit of work each under the run's lock —
   * the offers lapse and their seats go to the next runners (or stay free for anyone once none is left or the
   * join deadline passed). Concurrent passes (two workers, a claim) queue on the lock; whoever comes second
   * finds nothing left to do. Returns the offers lapsed.
   */
  async lapseSeatOffers(): Promise<number> {
    const now = this.clock.now();
    let lapsed = 0;
    for (const runId of await this.repo.runsWithExpiredOffers(now)) {
      lapsed += await this.uow.run(async (tx) => {
        const found = await this.repo.lock(tx, runId, '00000000-0000-0000-0000-000000000000');
        if (!found) return 0;
        if (found.run.cancelledAt) {
          await this.repo.withdrawOffers(tx, runId, now);
          return 0;
        }
        const gone = await this.repo.lapseExpired(tx, runId, now);
        await this.passOn(tx, found.run, gone, now);
        return gone.length;
      });
    }
    return lapsed;
  }

  /** Runners whose offer ended without a claim leave the waitlist; their seats are offered on (locked run). */
  private async passOn(tx: Tx, run: RunRow, userIds: string[], now: Date): Promise<void> {
    if (userIds.length === 0) return;
    const dropped = await this.repo.dropWaitlisted(tx, run.id, userIds);
    await this.repo.moveCounts(tx, run.id, { participants: 0, waitlist: -dropped });
    // Before the join deadline the seats go on (offered; seated at once if the start has moved more than
    // 24 h away); after it, nobody else is offered one.
    if (now < run.joinDeadline) {
      const promoted = await this.seats.fill(tx, run, now);
      await this.notifications.notify(
        tx,
        promoted.map((id) => notice(id, 'waitlist_promoted', run)),
      );
    }
    tx.afterCommit(() => this.revokeChat(run.id, userIds));
    this.countsChanged(tx, run.id);
  }

  /** Once committed, the run's open pages see its new counts. */
  private countsChanged(tx: Tx, runId: string): void {
    tx.afterCommit(() => this.realtime.toRun(runId, 'run:updated', { runId }));
  }
}

/** The same user joining twice at once: the primary key lets one in, the other gets the usual 409. */
function alreadyJoined(error: unknown): never {
  if (isUniqueViolation(error)) throw new ConflictError('ALREADY_JOINED', 'You are already in this run');
  throw error;
}

function toHost(run: RunRow, actorId: string, category: NotificationCategory): NewNotification {
  return {
    userId: run.hostId,
    actorId,
    category,
    runId: run.id,
    link: `/runs/${run.id}`,
    data: { title: run.title },
  };
}

/**
 * The pace group a join names: required when the run has groups (400), refused when it has none (400); a group
 * of another run is a 404.
 */
function groupOf(groups: PaceGroupRow[], paceGroupId: string | undefined): PaceGroupRow | undefined {
  if (groups.length === 0) {
    if (paceGroupId === undefined) return undefined;
    throw new ValidationError('This run has no pace groups', [
      { path: ['body', 'paceGroupId'], code: 'custom', message: 'paceGroupId.noGroups' },
    ]);
  }
  if (paceGroupId === undefined)
    throw new ValidationError('Choose a pace group', [
      { path: ['body', 'paceGroupId'], code: 'custom', message: 'paceGroupId.required' },
    ]);
  const group = groups.find((g) => g.id === paceGroupId);
  if (!group) throw paceGroupNotFound();
  return group;
}

function paceGroupNotFound(): NotFoundError {
  return new NotFoundError('PACE_GROUP_NOT_FOUND', 'No such pace group in this run');
}

function offerNotFound(): NotFoundError {
  return new NotFoundError('SEAT_OFFER_NOT_FOUND', 'No seat is offered to you in this run');
}
