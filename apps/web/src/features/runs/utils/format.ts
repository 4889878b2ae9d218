import type { RunSummary } from '@erun/contracts';
import { formatPace } from '../../../lib/format.ts';

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

/**
 * A card's pace: its pace groups' paces, compact (`5'00" · 6'00" · 7'00"/km`), else the run's one pace
 * (`5'30"/km`); null when it has neither.
 */
export function cardPace(run: Pick<RunSummary, 'paceSecPerKm' | 'groupPaces'>): string | null {
  if (run.groupPaces.length > 0)
    return `${run.groupPaces.map((p) => formatPace(p).replace('/km', '')).join(' · ')}/km`;
  return run.paceSecPerKm === null ? null : formatPace(run.paceSecPerKm);
}
