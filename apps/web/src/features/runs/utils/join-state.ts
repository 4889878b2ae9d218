import type { Run } from '@erun/contracts';
import { seatsLeft } from './format.ts';

export type JoinPanelState =
  | { kind: 'cancelled' | 'started' | 'closed' | 'removed' }
  | { kind: 'host'; seatsLeft: number }
  | { kind: 'joined'; canLeave: boolean }
  | { kind: 'waitlisted'; position: number | null }
  | { kind: 'full' }
  | { kind: 'open'; seatsLeft: number };

type JoinRun = Pick<
  Run,
  'joinState' | 'myStatus' | 'waitlistPosition' | 'capacity' | 'participantCount' | 'host' | 'removedByHost'
>;

/** What the join panel says and offers, from the run's state and the caller's place in it. */
export function joinPanelState(run: JoinRun, viewerId: string | null): JoinPanelState {
  if (run.joinState === 'cancelled' || run.joinState === 'started') return { kind: run.joinState };
  if (viewerId !== null && run.host.id === viewerId) return { kind: 'host', seatsLeft: seatsLeft(run) };
  // Leaving stays possible until the start, also after the join deadline.
  if (run.myStatus === 'joined') return { kind: 'joined', canLeave: true };
  if (run.myStatus === 'waitlisted') return { kind: 'waitlisted', position: run.waitlistPosition };
  // The host removed the caller: no join button, and why.
  if (run.removedByHost) return { kind: 'removed' };
  if (run.joinState === 'closed') return { kind: 'closed' };
  if (run.joinState === 'full') return { kind: 'full' };
  return { kind: 'open', seatsLeft: seatsLeft(run) };
}
