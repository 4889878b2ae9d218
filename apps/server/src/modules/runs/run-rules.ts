import {
  distanceBucketOf,
  type DistanceBucket,
  RUN_LIMITS,
  timeOfDayOfHour,
  type TimeOfDay,
} from '@erun/contracts';

export type JoinState = 'open' | 'full' | 'closed' | 'started' | 'cancelled';

export interface RunTimes {
  startsAt: Date;
  joinDeadline: Date;
  cancelledAt: Date | null;
  participantCount: number;
  waitlistCount: number;
  capacity: number;
}

/** Korea keeps no daylight saving: local time is always UTC+9. */
const SEOUL_OFFSET_HOURS = 9;

export function timeOfDayOf(startsAt: Date): TimeOfDay {
  return timeOfDayOfHour((startsAt.getUTCHours() + SEOUL_OFFSET_HOURS) % 24);
}

export function bucketOf(distanceKm: number): DistanceBucket {
  return distanceBucketOf(distanceKm);
}

/** The start of a local (Asia/Seoul) day `YYYY-MM-DD`, plus `days`. */
export function seoulDayStart(day: string, days = 0): Date {
  const start = new Date(`${day}T00:00:00+09:00`);
  return new Date(start.getTime() + days * 86_400_000);
}

export function defaultJoinDeadline(startsAt: Date): Date {
  return new Date(startsAt.getTime() - RUN_LIMITS.joinDeadlineLeadMs);
}

export function joinStateOf(run: RunTimes, now: Date): JoinState {
  if (run.cancelledAt) return 'cancelled';
  if (now >= run.startsAt) return 'started';
  if (now >= run.joinDeadline) return 'closed';
  // A seat offered to a waitlisted runner (issue 17) is held: the run is full while its seats and the people
  // waiting for one fill it (no free seat is ever left with runners waiting and no offer out).
  if (run.participantCount + run.waitlistCount >= run.capacity) return 'full';
  return 'open';
}
