import { meQueryKey } from '../../../lib/session.ts';

/** Attendance lives with the run; score history is private, under the user's own prefix. */
export const afterRunKeys = {
  attendance: (runId: string) => ['runs', 'attendance', runId] as const,
  scoreHistory: () => [...meQueryKey, 'score-history'] as const,
  mine: (runId: string) => ['runs', 'attendance', runId, 'me'] as const,
  disputes: (runId: string) => ['runs', 'attendance', runId, 'disputes'] as const,
  reliability: (runId: string) => ['runs', 'reliability', runId] as const,
};
