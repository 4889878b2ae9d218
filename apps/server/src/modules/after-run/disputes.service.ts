import {
  type CreateDispute,
  type Dispute,
  type EscalatedDisputes,
  type MyAttendance,
  type ResolveDispute,
  type Run,
  type RunDisputes,
  SAFETY_LIMITS,
} from '@erun/contracts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import { runNotFound } from '../runs/runs.service.ts';
import type { DisputeRow, DisputesRepository } from './disputes.repository.ts';

const HOUR = 3_600_000;

type GetRun = (runId: string, readerId: string) => Promise<Run>;

const notAllowed = (why: string) => new ForbiddenError('DISPUTE_NOT_ALLOWED', why);

/** Until when an absent mark may be disputed: 48 h after it was recorded, or after the run's end if later. */
export function disputeClosesAt(recordedAt: Date, endsAt: Date): Date {
  return new Date(Math.max(recordedAt.getTime(), endsAt.getTime()) + SAFETY_LIMITS.disputeWindowHours * HOUR);
}

function toDispute(row: DisputeRow): Dispute {
  return {
    runId: row.runId,
    userId: row.userId,
    note: row.note,
    status: row.status as Dispute['status'],
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

/**
 * Fair attendance (DOMAIN.md "Safety and reliability"): a runner marked absent disputes within 48 h with a
 * note; whoever manages the run (host, co-host, crew staff) accepts — the runner becomes present, with what
 * present moves — or rejects; a dispute still open after 72 h is escalated to the moderators.
 */
export class DisputesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: DisputesRepository,
    private readonly getRun: GetRun,
    private readonly clock: Clock,
    private readonly notifications: Pick<NotificationsService, 'notify'>,
    private readonly uploads: Pick<UploadsService, 'imageOf'>,
    /** after-run's own marking: present, its score, and a crew's regulars, in the caller's unit of work. */
    private readonly markPresent: (tx: Tx, runId: string, userId: string, now: Date) => Promise<void>,
    /** Badges are evaluated once the new mark has committed. */
    private readonly evaluateBadges: (userIds: string[]) => Promise<void> = async () => {},
    /** 403 NOT_MODERATOR unless the user is a moderator or an admin (the moderation module decides). */
    private readonly requireModerator: (userId: string) => Promise<unknown> = async () => {
      throw new ForbiddenError('NOT_MODERATOR', 'Only moderators and admins may do this');
    },
  ) {}

  /** My mark at the run and, when absent, my dispute and its window. */
  async mine(runId: string, userId: string): Promise<MyAttendance> {
    const run = await this.liveRun(runId, userId);
    const [mark, dispute] = await Promise.all([
      this.repo.markOf(runId, userId),
      this.repo.disputeOf(runId, userId),
    ]);
    const closes = mark && !mark.present ? disputeClosesAt(mark.recordedAt, new Date(run.endsAt)) : null;
    return {
      runId,
      present: mark?.present ?? null,
      disputeClosesAt: closes?.toISOString() ?? null,
      canDispute: closes !== null && !dispute && run.myStatus === 'joined' && this.clock.now() <= closes,
      dispute: dispute ? toDispute(dispute) : null,
    };
  }

  /** 201, or 403 DISPUTE_NOT_ALLOWED (not marked absent, not in the run, window closed), 409 DISPUTE_EXISTS. */
  async open(runId: string, userId: string, input: CreateDispute): Promise<Dispute> {
    const run = await this.liveRun(runId, userId);
    const now = this.clock.now();
    const created = await this.uow.run(async (tx) => {
      const { mark, joined } = await this.repo.lockMark(tx, runId, userId);
      if (await this.repo.disputeOf(runId, userId, tx))
        throw new ConflictError('DISPUTE_EXISTS', 'You have already disputed this mark');
      if (!joined || mark?.present !== false) throw notAllowed('Only a runner marked absent may dispute');
      if (now > disputeClosesAt(mark.recordedAt, new Date(run.endsAt)))
        throw notAllowed('The 48 hours to dispute have passed');
      const row = await this.repo.insertDispute(tx, { runId, userId, note: input.note, createdAt: now });
      if (!row) throw new ConflictError('DISPUTE_EXISTS', 'You have already disputed this mark');
      await this.notifications.notify(tx, [
        {
          userId: run.host.id,
          category: 'attendance_dispute',
          runId,
          actorId: userId,
          link: `/runs/${runId}/attendance`,
          data: { title: run.title },
        },
      ]);
      return row;
    });
    return toDispute(created);
  }

  /** The run's disputes, for whoever manages it. */
  async list(runId: string, userId: string): Promise<RunDisputes> {
    await this.managedRun(runId, userId);
    const rows = await this.repo.disputesOf(runId);
    return {
      items: rows.map((r) => ({
        ...toDispute(r.dispute),
        user: {
          id: r.dispute.userId,
          nickname: r.nickname,
          avatar: r.avatarId ? this.uploads.imageOf(r.avatarId) : null,
        },
      })),
    };
  }

  /**
   * Accept (the runner becomes present) or reject (stays absent); the runner is told either way. Once a
   * dispute has been escalated (72 h undecided) only the moderators decide it: 403 DISPUTE_NOT_ALLOWED.
   */
  async resolve(runId: string, actorId: string, targetId: string, input: ResolveDispute): Promise<Dispute> {
    const run = await this.managedRun(runId, actorId);
    if (actorId === targetId) throw notAllowed('Nobody decides their own dispute');
    return this.decide(run, actorId, targetId, input, 'open');
  }

  /**
   * A moderator decides an escalated dispute (the caller has checked the moderator role; the admin queue
   * reads `escalated()`). An open one is still the host's: 403 DISPUTE_NOT_ALLOWED.
   */
  async decideEscalated(
    runId: string,
    moderatorId: string,
    targetId: string,
    input: ResolveDispute,
  ): Promise<Dispute> {
    await this.requireModerator(moderatorId);
    if (moderatorId === targetId) throw notAllowed('Nobody decides their own dispute');
    // Read as the runner: a moderator need not be able to see a members-only run to decide about it.
    const run = await this.liveRun(runId, targetId);
    return this.decide(run, moderatorId, targetId, input, 'escalated');
  }

  private async decide(
    run: Run,
    actorId: string,
    targetId: string,
    input: ResolveDispute,
    status: 'open' | 'escalated',
  ): Promise<Dispute> {
    const runId = run.id;
    const now = this.clock.now();
    const accepted = input.decision === 'accept';
    const resolved = await this.uow.run(async (tx) => {
      const { joined } = await this.repo.lockMark(tx, runId, targetId);
      const existing = await this.repo.disputeOf(runId, targetId, tx);
      if (!existing) throw new NotFoundError('DISPUTE_NOT_FOUND', 'No dispute by this runner');
      if (existing.status === 'escalated' && status === 'open')
        throw notAllowed('The dispute has gone to the moderators: they decide it');
      if (existing.status === 'open' && status === 'escalated')
        throw notAllowed('The dispute is still the host’s to decide');
      if (accepted && !joined) throw notAllowed('The runner is no longer in the run');
      const row = await this.repo.resolve(
        tx,
        runId,
        targetId,
        status,
        accepted ? 'accepted' : 'rejected',
        actorId,
        now,
      );
      if (!row) throw notAllowed('The dispute has already been decided');
      if (accepted) await this.markPresent(tx, runId, targetId, now);
      await this.notifications.notify(tx, [
        {
          userId: targetId,
          category: 'dispute_resolved',
          runId,
          actorId,
          link: `/runs/${runId}`,
          data: { title: run.title, decision: input.decision },
        },
      ]);
      return row;
    });
    if (accepted) await this.evaluateBadges([targetId, run.host.id]);
    return toDispute(resolved);
  }

  /**
   * The host marked runners present on the attendance sheet (its unit of work, run locked): that answers
   * their disputes, which are accepted and the runners told — as when the host presses 인정. The mark itself,
   * its score and badges are the sheet's own.
   */
  async acceptMarkedPresent(
    tx: Tx,
    run: Pick<Run, 'id' | 'title'>,
    presentIds: string[],
    by: string,
    now: Date,
  ): Promise<void> {
    const decided = await this.repo.acceptUndecided(tx, run.id, presentIds, by, now);
    await this.notifications.notify(
      tx,
      decided.map((d) => ({
        userId: d.userId,
        category: 'dispute_resolved' as const,
        runId: run.id,
        actorId: by,
        link: `/runs/${run.id}`,
        data: { title: run.title, decision: 'accept' },
      })),
    );
  }

  /**
   * The escalation job: disputes open for 72 h go to the moderators. One UPDATE over `status = 'open'`, so
   * two workers at once escalate each dispute once. Returns how many moved.
   */
  async escalate(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - SAFETY_LIMITS.disputeEscalateHours * HOUR);
    return (await this.repo.escalate(before)).length;
  }

  /** Escalated disputes, oldest first: the moderators' queue (issue 17's admin slice reads it). */
  async escalated(limit = 100): Promise<Dispute[]> {
    return (await this.repo.escalated(limit)).map(toDispute);
  }

  /** The moderators' queue of disputes the hosts left open for 72 h, oldest first. */
  async escalatedQueue(viewerId: string, limit = 100): Promise<EscalatedDisputes> {
    await this.requireModerator(viewerId);
    const iso = (value: Date | string) => new Date(value).toISOString();
    const rows = await this.repo.escalatedWithContext(limit);
    return {
      items: rows.map((r) => ({
        runId: r.run_id,
        userId: r.user_id,
        note: r.note,
        status: r.status as Dispute['status'],
        createdAt: iso(r.created_at),
        resolvedAt: r.resolved_at === null ? null : iso(r.resolved_at),
        run: {
          id: r.run_id,
          title: r.title,
          startsAt: iso(r.starts_at),
          host: { id: r.host_id, nickname: r.host_nickname },
        },
        user: { id: r.user_id, nickname: r.nickname },
      })),
    };
  }

  private async liveRun(runId: string, userId: string): Promise<Run> {
    const run = await this.getRun(runId, userId);
    if (run.joinState === 'cancelled') throw runNotFound();
    return run;
  }

  private async managedRun(runId: string, userId: string): Promise<Run> {
    const run = await this.liveRun(runId, userId);
    if (!run.canManage) throw new ForbiddenError('NOT_HOST', 'Only the run’s hosts decide disputes');
    return run;
  }
}
