import {
  AFTER_RUN_WINDOWS,
  type Attendance,
  type HostReviewCategory,
  type Run,
  type SaveAttendance,
  type ScoreHistory,
  SCORE_REASONS,
  type WriteHostReview,
} from '@erun/contracts';
import { ConflictError, ForbiddenError, ValidationError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { UsersService } from '../users/users.service.ts';
import { runNotFound } from '../runs/runs.service.ts';
import type { AfterRunRepository, AttendanceState } from './after-run.repository.ts';

/** The run as this reader may see it (404 for a members-only run they may not), with their `canManage`. */
type GetRun = (runId: string, readerId: string) => Promise<Run>;

const outsideWindow = (what: string) => new ConflictError('OUTSIDE_WINDOW', `${what} is not open now`);

/**
 * Attendance (host, co-hosts and crew staff: present from start − 30 min, absent from the start, both until end + 48 h; a runner
 * who reviewed stays present) and host reviews (present runners, end … end + 7 days).
 */
export class AfterRunService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AfterRunRepository,
    private readonly getRun: GetRun,
    private readonly clock: Clock,
    private readonly notifications: Pick<NotificationsService, 'notify' | 'withdraw'>,
    /** The users module stores the scores (it owns the `users` table's writes). */
    private readonly users: Pick<UsersService, 'recomputeGoodRunnerScores'>,
    /** Badges are evaluated once a record that can earn one has committed. */
    private readonly evaluateBadges: (userIds: string[]) => Promise<void> = async () => {},
    /** Guests who reach their crew's attended-runs mark become members, in the attendance's unit of work. */
    private readonly admitRegulars: (
      tx: Tx,
      runId: string,
      presentIds: string[],
    ) => Promise<void> = async () => {},
    /** Runners marked present on the sheet have their disputes accepted (the disputes' own, same unit of work). */
    private readonly acceptDisputes: (
      tx: Tx,
      run: Run,
      presentIds: string[],
      by: string,
      now: Date,
    ) => Promise<void> = async () => {},
  ) {}

  async attendance(runId: string, userId: string): Promise<Attendance> {
    const run = await this.hostedRun(runId, userId);
    const [marks, reviewers] = await Promise.all([
      this.repo.attendanceOf(runId),
      this.repo.reviewersOf(runId),
    ]);
    const { opensAt, absentOpensAt, closesAt } = attendanceWindow(run);
    const now = this.clock.now();
    const participants = run.participants.filter((p) => p.id !== run.host.id);
    return {
      runId,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      absentOpensAt: absentOpensAt.toISOString(),
      editable: now >= opensAt && now <= closesAt,
      absentEditable: now >= absentOpensAt && now <= closesAt,
      participants: participants.map((p) => ({
        id: p.id,
        nickname: p.nickname,
        avatar: p.avatar,
        present: marks.get(p.id) ?? null,
        reviewed: reviewers.has(p.id),
        paceGroupId: p.paceGroupId ?? null,
      })),
      paceGroups: run.paceGroups.map((g) => ({ id: g.id, paceSecPerKm: g.paceSecPerKm })),
      present: participants.filter((p) => marks.get(p.id) === true).map((p) => p.id),
      absent: participants.filter((p) => marks.get(p.id) === false).map((p) => p.id),
    };
  }

  async saveAttendance(runId: string, userId: string, input: SaveAttendance): Promise<Attendance> {
    const run = await this.hostedRun(runId, userId);
    const { opensAt, absentOpensAt, closesAt } = attendanceWindow(run);
    const now = this.clock.now();
    if (now < opensAt || now > closesAt) throw outsideWindow('Attendance');
    // A no-show is a fact only once the run has started; earlier it would be a −1 km nobody earned.
    if (input.absent.length > 0 && now < absentOpensAt)
      throw new ConflictError('ABSENT_BEFORE_START', 'Absence can be recorded only from the start');
    const marks = [
      ...input.present.map((id) => ({ userId: id, present: true })),
      ...input.absent.map((id) => ({ userId: id, present: false })),
    ];
    if (marks.length > 0) {
      await this.uow.run(async (tx) => {
        checkMarks(input, await this.repo.lockForAttendance(tx, runId, run.host.id));
        const before = await this.repo.marksIn(tx, runId);
        await this.repo.saveMarks(tx, runId, marks, now);
        // A runner newly marked absent is told (in-app and push) and may dispute within 48 h.
        await this.notifications.notify(
          tx,
          input.absent
            .filter((id) => before.get(id) !== false)
            .map((id) => ({
              userId: id,
              category: 'attendance_absent' as const,
              runId,
              link: `/runs/${runId}`,
              data: { title: run.title },
            })),
        );
        // Absent runners are never asked to review: a request sent before the host corrected the record goes.
        await this.notifications.withdraw(tx, input.absent, runId, 'review_request');
        await this.users.recomputeGoodRunnerScores(
          tx,
          marks.map((m) => m.userId),
        );
        await this.admitRegulars(tx, runId, input.present);
        await this.acceptDisputes(tx, run, input.present, userId, now);
      });
    }
    await this.evaluateBadges([userId, ...input.present, ...input.absent]);
    return this.attendance(runId, userId);
  }

  async review(runId: string, reviewerId: string, input: WriteHostReview): Promise<void> {
    const run = await this.getRun(runId, reviewerId);
    if (run.joinState === 'cancelled') throw runNotFound();
    const marks = await this.repo.attendanceOf(runId);
    if (marks.get(reviewerId) !== true) {
      throw new ForbiddenError('NOT_PRESENT', 'Only participants the host marked present can review');
    }
    const now = this.clock.now();
    const end = new Date(run.endsAt);
    if (now < end || now.getTime() > end.getTime() + AFTER_RUN_WINDOWS.reviewClosesAfterEndMs)
      throw outsideWindow('Reviewing');
    await this.uow.run(async (tx) => {
      const result = await this.repo.insertReview(tx, {
        runId,
        reviewerId,
        hostId: run.host.id,
        positive: input.positive,
        categories: input.categories,
        note: input.note || null,
        createdAt: now,
      });
      if (result === 'exists')
        throw new ConflictError('REVIEW_EXISTS', 'You have already reviewed this run’s host');
      if (result === 'not_present')
        throw new ForbiddenError('NOT_PRESENT', 'Only participants the host marked present can review');
      await this.users.recomputeGoodRunnerScores(tx, [run.host.id]);
      await this.notifications.notify(tx, [
        { userId: run.host.id, category: 'review_received', runId, link: '/me', data: { title: run.title } },
      ]);
    });
    await this.evaluateBadges([run.host.id]);
  }

  /**
   * A dispute accepted (the disputes' unit of work, run locked): the runner is present, with what present
   * moves — their score and, at a crew's run, their way to membership. Badges follow after commit.
   */
  async markPresentAfterDispute(tx: Tx, runId: string, userId: string, now: Date): Promise<void> {
    await this.repo.saveMarks(tx, runId, [{ userId, present: true }], now);
    await this.users.recomputeGoodRunnerScores(tx, [userId]);
    await this.admitRegulars(tx, runId, [userId]);
  }

  /** A runner who leaves or is removed loses their marks for the run (participation's unit of work). */
  async dropAttendanceOf(tx: Tx, runId: string, userId: string): Promise<void> {
    await this.users.recomputeGoodRunnerScores(tx, await this.repo.dropAttendanceOf(tx, runId, userId));
  }

  /** Category counts of a host's reviews; the disappointing side only for the host themself. */
  async reviewSummary(
    hostId: string,
    viewerId: string | null,
  ): Promise<Partial<Record<HostReviewCategory, number>>> {
    const counts = await this.repo.reviewCountsOf(hostId);
    const own = viewerId === hostId;
    const visible = own ? [...counts] : [...counts].filter(([c]) => POSITIVE.has(c));
    return Object.fromEntries(visible);
  }

  async scoreHistory(userId: string): Promise<ScoreHistory> {
    const [score, rows] = await Promise.all([this.repo.scoreOf(userId), this.repo.historyOf(userId, 200)]);
    return {
      score,
      items: rows.map((r) => ({
        delta: Number(r.delta),
        reason: SCORE_REASONS.find((s) => s === r.reason) ?? 'present',
        runId: r.run_id,
        runTitle: r.run_title,
        at: new Date(r.at).toISOString(),
      })),
    };
  }

  /** Attendance is taken by the host, a co-host or (a crew run) the crew's staff: the run's `canManage`. */
  private async hostedRun(runId: string, userId: string): Promise<Run> {
    const run = await this.getRun(runId, userId);
    if (run.joinState === 'cancelled') throw runNotFound();
    if (!run.canManage) throw new ForbiddenError('NOT_HOST', 'Only the host takes attendance');
    return run;
  }
}

const POSITIVE = new Set<string>(['course_good', 'led_well', 'answered_fast', 'kept_bags', 'on_time']);

/** Marks go only to seated participants, and a runner who wrote a review stays present. */
function checkMarks(input: SaveAttendance, { members, reviewers }: AttendanceState): void {
  const strangers = [...input.present, ...input.absent].filter((id) => !members.has(id));
  if (strangers.length > 0) {
    throw new ValidationError('Only the run’s participants can be marked', [
      { path: ['body'], code: 'custom', message: 'attendance.notParticipant' },
    ]);
  }
  if (input.absent.some((id) => reviewers.has(id)))
    throw new ConflictError('REVIEWER_STAYS_PRESENT', 'A runner who reviewed the host stays present');
}

function attendanceWindow(run: Run) {
  return {
    opensAt: new Date(Date.parse(run.startsAt) - AFTER_RUN_WINDOWS.attendanceOpensBeforeStartMs),
    absentOpensAt: new Date(run.startsAt),
    closesAt: new Date(Date.parse(run.endsAt) + AFTER_RUN_WINDOWS.attendanceClosesAfterEndMs),
  };
}
