import type { JoinResult } from '@erun/contracts';
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Guard, ParticipationRepository } from './participation.repository.ts';
import { missingRun, notice, runNotFound } from './runs.service.ts';

/** Joining, leaving and removal: DOMAIN.md's rules, checked on the locked run inside one transaction. */
export class ParticipationService {
  constructor(
    private readonly repo: ParticipationRepository,
    private readonly clock: Clock,
  ) {}

  async join(runId: string, userId: string): Promise<JoinResult> {
    const now = this.clock.now();
    const guard: Guard = (run, mine) => {
      if (run.cancelledAt) throw runNotFound();
      if (mine?.status === 'removed')
        throw new ConflictError('REMOVED_BY_HOST', 'The host removed you from this run');
      if (mine || run.hostId === userId)
        throw new ConflictError('ALREADY_JOINED', 'You are already in this run');
      if (now >= run.joinDeadline) throw new ConflictError('JOIN_CLOSED', 'Joining has closed for this run');
    };
    return this.repo.join(runId, userId, now, guard).catch(missingRun).catch(alreadyJoined);
  }

  async leave(runId: string, userId: string): Promise<void> {
    const now = this.clock.now();
    const guard: Guard = (run, mine) => {
      if (run.cancelledAt) throw runNotFound();
      if (run.hostId === userId)
        throw new ConflictError('HOST_CANNOT_LEAVE', 'The host cannot leave; cancel the run instead');
      if (!mine || mine.status === 'removed')
        throw new NotFoundError('NOT_JOINED', 'You are not in this run');
      if (now >= run.startsAt) throw new ConflictError('RUN_STARTED', 'The run has already started');
    };
    await this.repo
      .release(runId, userId, guard, null, (run, promoted) =>
        promoted ? [notice(promoted, 'waitlist_promoted', run)] : [],
      )
      .catch(missingRun);
  }

  async remove(runId: string, hostId: string, targetId: string, reason: string): Promise<void> {
    const now = this.clock.now();
    const guard: Guard = (run, target) => {
      if (run.cancelledAt) throw runNotFound();
      if (run.hostId !== hostId)
        throw new ForbiddenError('NOT_HOST', 'Only the host can remove participants');
      if (targetId === hostId)
        throw new ConflictError('HOST_CANNOT_LEAVE', 'The host cannot remove themself');
      if (!target || target.status === 'removed') throw new NotFoundError('NOT_JOINED', 'Not in this run');
      if (now >= run.startsAt) throw new ConflictError('RUN_STARTED', 'The run has already started');
    };
    await this.repo
      .release(runId, targetId, guard, { reason }, (run, promoted) => [
        notice(targetId, 'run_removed', run, { reason }),
        ...(promoted ? [notice(promoted, 'waitlist_promoted', run)] : []),
      ])
      .catch(missingRun);
  }
}

/** The same user joining twice at once: the primary key lets one in, the other gets the usual 409. */
function alreadyJoined(error: unknown): never {
  if (isUniqueViolation(error)) throw new ConflictError('ALREADY_JOINED', 'You are already in this run');
  throw error;
}
