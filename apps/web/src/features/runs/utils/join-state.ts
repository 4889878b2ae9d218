import { type Run, SAFETY_LIMITS } from '@erun/contracts';
import { seatsLeft } from './format.ts';

export type JoinPanelState =
  | { kind: 'cancelled' | 'started' | 'closed' | 'removed' }
  | { kind: 'host'; seatsLeft: number }
  | { kind: 'joined'; canLeave: boolean }
  | { kind: 'waitlisted'; position: number | null }
  /** Waitlisted, with a seat offered to them to confirm until `expiresAt` (issue 17). */
  | { kind: 'offered'; expiresAt: string }
  | { kind: 'full' }
  | { kind: 'open'; seatsLeft: number };

type JoinRun = Pick<
  Run,
  | 'joinState'
  | 'myStatus'
  | 'waitlistPosition'
  | 'capacity'
  | 'participantCount'
  | 'host'
  | 'removedByHost'
  | 'myOffer'
>;

/**
 * What the join panel says and offers, from the run's state and the caller's place in it; `offerOpen`: the
 * caller's seat offer is still within its window (the page's countdown says so before the server does).
 */
export function joinPanelState(run: JoinRun, viewerId: string | null, offerOpen = true): JoinPanelState {
  if (run.joinState === 'cancelled' || run.joinState === 'started') return { kind: run.joinState };
  if (viewerId !== null && run.host.id === viewerId) return { kind: 'host', seatsLeft: seatsLeft(run) };
  // Leaving stays possible until the start, also after the join deadline.
  if (run.myStatus === 'joined') return { kind: 'joined', canLeave: true };
  if (run.myStatus === 'waitlisted')
    return run.myOffer?.status === 'open' && offerOpen
      ? { kind: 'offered', expiresAt: run.myOffer.expiresAt }
      : { kind: 'waitlisted', position: run.waitlistPosition };
  // The host removed the caller: no join button, and why.
  if (run.removedByHost) return { kind: 'removed' };
  if (run.joinState === 'closed') return { kind: 'closed' };
  if (run.joinState === 'full') return { kind: 'full' };
  return { kind: 'open', seatsLeft: seatsLeft(run) };
}

/**
 * When a freed seat of the run is offered (30 minutes to confirm) rather than given at once: from 24 h before
 * the start until the join deadline, as the server decides (DOMAIN.md "Seat offer", issue 17). In ms.
 */
export function seatOfferWindow(run: Pick<Run, 'startsAt' | 'joinDeadline'>): {
  from: number;
  until: number;
} {
  return {
    from: Date.parse(run.startsAt) - SAFETY_LIMITS.seatOfferWithinHours * 3_600_000,
    until: Date.parse(run.joinDeadline),
  };
}
