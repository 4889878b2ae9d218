import { SAFETY_LIMITS } from '@erun/contracts';
import type { Tx } from '../../ports/unit-of-work.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { ParticipationRepository, SeatScope } from './participation.repository.ts';
import type { RunRow } from './runs.repository.ts';
import { notice } from './run-notice.ts';

type SeatRepo = Pick<
  ParticipationRepository,
  | 'seatsOf'
  | 'nextUnoffered'
  | 'offerSeats'
  | 'promoteWaitlisted'
  | 'moveCounts'
  | 'withdrawOffers'
  | 'groupsOf'
>;

/**
 * A locked run's free seats go to its waitlist in order — one rule for a runner leaving, an offer lapsing and
 * the host raising the capacity or moving the start (DOMAIN.md "Seat offer", issue 17): within 24 h of the
 * start and before the join deadline each free seat is offered (30 minutes) to the next runner in line who
 * holds no offer; earlier, the runners first in line are seated at once. Guests are passed over while the
 * guest seats are held (seated guests and guests offered a seat); they keep their places. A run with pace groups
 * is a queue per group (DOMAIN.md "Pace groups"): each group's seats go to its own waitlist, the same way.
 */
export class SeatQueue {
  constructor(
    private readonly repo: SeatRepo,
    private readonly notifications: Pick<NotificationsService, 'notify'>,
  ) {}

  /**
   * Fills the free seats of the locked run (`run`: its values as they are now, an edit's included; the
   * counters are read afresh). Returns who was seated at once (the caller tells them `waitlist_promoted`);
   * offered runners are told here (`seat_offered`).
   */
  async fill(tx: Tx, run: RunRow, now: Date): Promise<string[]> {
    const promoted: string[] = [];
    for (const scope of await this.scopes(tx, run))
      promoted.push(...(await this.fillScope(tx, run, scope, now)));
    return promoted;
  }

  /**
   * Each seat free and not already offered goes, as an offer, to the next waitlisted runner holding none who
   * may take it — until 30 minutes from now or the join deadline, if sooner — and they are told
   * (`seat_offered`: in-app, push, SMS as they chose).
   */
  async offer(tx: Tx, run: RunRow, now: Date): Promise<string[]> {
    const offered: string[] = [];
    for (const scope of await this.scopes(tx, run))
      offered.push(...(await this.offerScope(tx, run, scope, now)));
    return offered;
  }

  /** The queues of the run: the run itself, or each of its pace groups with its own seats. */
  private async scopes(tx: Tx, run: RunRow): Promise<Scope[]> {
    const groups = await this.repo.groupsOf(tx, run.id);
    if (groups.length === 0) return [{ id: null, capacity: run.capacity }];
    return groups.map((g) => ({ id: g.id, capacity: g.capacity }));
  }

  private async fillScope(tx: Tx, run: RunRow, scope: Scope, now: Date): Promise<string[]> {
    if (offersSeats(run, now)) {
      await this.offerScope(tx, run, scope, now);
      return [];
    }
    // Automatic again (the start moved away, or the join deadline passed): open offers hold no seat any more;
    // their holders were first in line, so they are seated first.
    let seats = await this.repo.seatsOf(tx, run.id, scope.id);
    if (seats.offered > 0) {
      await this.repo.withdrawOffers(tx, run.id, now);
      seats = await this.repo.seatsOf(tx, run.id, scope.id);
    }
    const promoted = await this.repo.promoteWaitlisted(
      tx,
      run,
      Math.min(scope.capacity - seats.participants, seats.waitlist),
      scope.id,
    );
    if (promoted.length > 0)
      await this.repo.moveCounts(tx, run.id, { participants: promoted.length, waitlist: -promoted.length });
    return promoted;
  }

  private async offerScope(tx: Tx, run: RunRow, scope: Scope, now: Date): Promise<string[]> {
    const seats = await this.repo.seatsOf(tx, run.id, scope.id);
    const to = await this.repo.nextUnoffered(
      tx,
      run,
      scope.capacity - seats.participants - seats.offered,
      scope.id,
    );
    if (to.length === 0) return [];
    const window = new Date(now.getTime() + SAFETY_LIMITS.seatOfferMinutes * 60_000);
    const expiresAt = window < run.joinDeadline ? window : run.joinDeadline;
    await this.repo.offerSeats(tx, run.id, to, now, expiresAt);
    await this.notifications.notify(
      tx,
      to.map((id) => notice(id, 'seat_offered', run, { expiresAt: expiresAt.toISOString() })),
    );
    return to;
  }
}

interface Scope {
  id: SeatScope;
  capacity: number;
}

/** Within 24 h of the start and before the join deadline a freed seat is offered, not given (issue 17). */
export function offersSeats(run: Pick<RunRow, 'startsAt' | 'joinDeadline'>, now: Date): boolean {
  const from = run.startsAt.getTime() - SAFETY_LIMITS.seatOfferWithinHours * 3_600_000;
  return now.getTime() >= from && now < run.joinDeadline;
}
