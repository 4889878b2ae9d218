import type { JoinResult } from '@erun/contracts';
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Realtime } from '../../ports/realtime.ts';
import type { Announcement } from '../notifications/index.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { Guard, ParticipationRepository } from './participation.repository.ts';
import type { NewNotification, RunRow } from './runs.repository.ts';
import { missingRun, notice, runNotFound } from './runs.service.ts';

/** Joining, leaving and removal: DOMAIN.md's rules, checked on the locked run inside one transaction. */
export class ParticipationService {
  constructor(
    private readonly repo: ParticipationRepository,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly realtime: Realtime,
    /** Whoever leaves or is removed loses the run's chat at once (their open sockets leave its room). */
    private readonly revokeChat: (runId: string, userIds: string[]) => void,
  ) {}

  /**
   * After a change has committed (its notices stored in the same transaction): those notified hear it live,
   * the page's viewers see new seat counts.
   */
  private changed(run: RunRow | undefined, announced: Announcement[]): void {
    if (!run) return;
    this.notifications.publish(announced);
    this.realtime.toRun(run.id, 'run:updated', { runId: run.id });
  }

  async join(runId: string, userId: string): Promise<JoinResult> {
    const now = this.clock.now();
    let locked: RunRow | undefined;
    const guard: Guard = (run, mine) => {
      locked = run;
      if (run.cancelledAt) throw runNotFound();
      if (mine?.status === 'removed')
        throw new ConflictError('REMOVED_BY_HOST', 'The host removed you from this run');
      if (mine || run.hostId === userId)
        throw new ConflictError('ALREADY_JOINED', 'You are already in this run');
      if (now >= run.joinDeadline) throw new ConflictError('JOIN_CLOSED', 'Joining has closed for this run');
    };
    const { outcome, announced } = await this.repo
      .join(runId, userId, now, guard, (run, joined) => [
        { ...toHost(run, userId, 'run_joined'), data: { title: run.title, status: joined.status } },
      ])
      .catch(missingRun)
      .catch(alreadyJoined);
    this.changed(locked, announced);
    return outcome;
  }

  async leave(runId: string, userId: string): Promise<void> {
    const now = this.clock.now();
    let locked: RunRow | undefined;
    const guard: Guard = (run, mine) => {
      locked = run;
      if (run.cancelledAt) throw runNotFound();
      if (run.hostId === userId)
        throw new ConflictError('HOST_CANNOT_LEAVE', 'The host cannot leave; cancel the run instead');
      if (!mine || mine.status === 'removed')
        throw new NotFoundError('NOT_JOINED', 'You are not in this run');
      if (now >= run.startsAt) throw new ConflictError('RUN_STARTED', 'The run has already started');
    };
    const announced = await this.repo
      .release(runId, userId, guard, null, (run, promoted) => [
        toHost(run, userId, 'run_left'),
        ...(promoted ? [notice(promoted, 'waitlist_promoted', run)] : []),
      ])
      .catch(missingRun);
    if (locked) {
      this.revokeChat(runId, [userId]);
      this.changed(locked, announced);
    }
  }

  async remove(runId: string, hostId: string, targetId: string, reason: string): Promise<void> {
    const now = this.clock.now();
    let locked: RunRow | undefined;
    const guard: Guard = (run, target) => {
      locked = run;
      if (run.cancelledAt) throw runNotFound();
      if (run.hostId !== hostId)
        throw new ForbiddenError('NOT_HOST', 'Only the host can remove participants');
      if (targetId === hostId)
        throw new ConflictError('HOST_CANNOT_LEAVE', 'The host cannot remove themself');
      if (!target || target.status === 'removed') throw new NotFoundError('NOT_JOINED', 'Not in this run');
      if (now >= run.startsAt) throw new ConflictError('RUN_STARTED', 'The run has already started');
    };
    const announced = await this.repo
      .release(runId, targetId, guard, { reason }, (run, promoted) => [
        { ...notice(targetId, 'run_removed', run, { reason }), actorId: hostId },
        ...(promoted ? [notice(promoted, 'waitlist_promoted', run)] : []),
      ])
      .catch(missingRun);
    if (locked) this.revokeChat(runId, [targetId]);
    this.changed(locked, announced);
  }
}

/** The same user joining twice at once: the primary key lets one in, the other gets the usual 409. */
function alreadyJoined(error: unknown): never {
  if (isUniqueViolation(error)) throw new ConflictError('ALREADY_JOINED', 'You are already in this run');
  throw error;
}

function toHost(run: RunRow, actorId: string, category: string): NewNotification {
  return {
    userId: run.hostId,
    actorId,
    category,
    runId: run.id,
    link: `/runs/${run.id}`,
    data: { title: run.title },
  };
}
