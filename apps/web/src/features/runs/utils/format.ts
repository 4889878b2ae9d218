import type { RunSummary } from '@erun/contracts';

/** 330 → `5'30"/km`. */
export function formatPace(secPerKm: number): string {
  const minutes = Math.floor(secPerKm / 60);
  const seconds = secPerKm % 60;
  return `${minutes}'${String(seconds).padStart(2, '0')}"/km`;
}

/** 5.234 → "5.2km"; whole kilometres without the decimal. */
export function formatKm(km: number): string {
  const rounded = Math.round(km * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}km`;
}

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
