import { type Reliability, type Run, type RunReliability, SAFETY_LIMITS } from '@erun/contracts';
import { ForbiddenError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import type { JoinCheck } from '../runs/participation.service.ts';
import { runNotFound } from '../runs/runs.service.ts';
import type { DisputesRepository, ReliabilityCounts } from './disputes.repository.ts';

const HOUR = 3_600_000;

/** The locked run a join check sees. */
type RunRow = Parameters<JoinCheck['check']>[1];

/** The span of the record: 12 months back from `now`. */
function sinceOf(now: Date): Date {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - SAFETY_LIMITS.reliabilityMonths);
  return since;
}

/** present / (present + absent), rounded, once 3 runs are recorded; null before ("새 러너"). */
export function attendanceRate(present: number, absent: number): number | null {
  const recorded = present + absent;
  if (recorded < SAFETY_LIMITS.reliabilityMinRecorded) return null;
  return Math.round((100 * present) / recorded);
}

const toReliability = (c: ReliabilityCounts): Reliability => ({
  ...c,
  attendanceRate: attendanceRate(c.present, c.absent),
});

/**
 * A runner's reliability record (DOMAIN.md "Safety and reliability"): read by themself and by whoever manages
 * a run they are in; late cancellations recorded when a joined runner leaves within 3 h of the start; and a
 * run's minimum attendance rate checked on join (runners without a rate may always join).
 */
export class ReliabilityService implements JoinCheck {
  constructor(
    private readonly repo: DisputesRepository,
    private readonly clock: Clock,
    private readonly getRun: (runId: string, readerId: string) => Promise<Run>,
    private readonly canManage: (runId: string, userId: string) => Promise<boolean>,
  ) {}

  /** 200 for the user themself or a manager of a run they are in (joined or waiting); else 403. */
  async of(userId: string, viewerId: string): Promise<Reliability> {
    if (viewerId !== userId && !(await this.managesRunWith(userId, viewerId)))
      throw new ForbiddenError('FORBIDDEN', 'Only the runner and the hosts of their runs see this record');
    const [record] = await this.repo.reliabilityOf([userId], sinceOf(this.clock.now()), this.clock.now());
    if (!record) throw new ForbiddenError('FORBIDDEN', 'No such runner');
    return toReliability(record);
  }

  /** The records of a run's runners (its seats and waitlist), for whoever manages it. */
  async ofRun(runId: string, viewerId: string): Promise<RunReliability> {
    const run = await this.getRun(runId, viewerId);
    if (run.joinState === 'cancelled') throw runNotFound();
    if (!run.canManage) throw new ForbiddenError('NOT_HOST', 'Only the run’s hosts see its runners’ records');
    const ids = run.participants.map((p) => p.id).filter((id) => id !== run.host.id);
    const now = this.clock.now();
    return { items: (await this.repo.reliabilityOf(ids, sinceOf(now), now)).map(toReliability) };
  }

  /** In participation's unit of work: a joined runner leaving within 3 h of the start is recorded. */
  async recordLeave(tx: Tx, run: Pick<RunRow, 'id' | 'startsAt'>, userId: string, now: Date): Promise<void> {
    if (run.startsAt.getTime() - now.getTime() > SAFETY_LIMITS.lateCancelHours * HOUR) return;
    await this.repo.insertLateCancellation(tx, run.id, userId, now);
  }

  /** JoinCheck: a run's minimum attendance rate (403 ATTENDANCE_RATE_TOO_LOW); no rate yet always passes. */
  async check(tx: Tx, run: RunRow, userId: string, now: Date): Promise<void> {
    if (run.minAttendanceRate === null) return;
    const [record] = await this.repo.reliabilityOf([userId], sinceOf(now), now, tx);
    const rate = record ? attendanceRate(record.present, record.absent) : null;
    if (rate !== null && rate < run.minAttendanceRate)
      throw new ForbiddenError(
        'ATTENDANCE_RATE_TOO_LOW',
        `This run asks for an attendance rate of ${run.minAttendanceRate}%`,
      );
  }

  private async managesRunWith(userId: string, viewerId: string): Promise<boolean> {
    const runs = await this.repo.runsWith(userId, 50);
    if (runs.some((r) => r.hostId === viewerId)) return true;
    for (const r of runs) if (await this.canManage(r.runId, viewerId)) return true;
    return false;
  }
}
