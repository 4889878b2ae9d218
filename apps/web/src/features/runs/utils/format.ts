import type { RunSummary } from '@erun/contracts';

export function seatsLeft(run: Pick<RunSummary, 'capacity' | 'participantCount'>): number {
  return Math.max(0, run.capacity - run.participantCount);
}

export type RunBadge = 'open' | 'closingSoon' | 'full' | 'closed' | 'cancelled';
const CLOSING_SOON_MS = 24 * 3600_000;
const FEW_SEATS = 2;

/** The status badge of a card: 모집중 / 마감임박 / 정원마감 / 모집마감 (and cancelled). */
export function runBadge(
  run: Pick<RunSummary, 'joinState' | 'joinDeadline' | 'capacity' | 'participantCount'>,
  now: number = Date.now(),
): RunBadge {
  switch (run.joinState) {
    case 'open': {
      const soon = Date.parse(run.joinDeadline) - now < CLOSING_SOON_MS;
      return soon || seatsLeft(run) <= FEW_SEATS ? 'closingSoon' : 'open';
    }
    case 'full':
      return 'full';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'closed';
  }
}
