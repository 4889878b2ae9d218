import type {
  CreateReport,
  ModerationEntry,
  ReportAction,
  ReportCreated,
  ReportQueueItem,
  ReportQueuePage,
  ReportQueueQuery,
  ReportTargetType,
  UserRole,
} from '@erun/contracts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { UnitOfWork } from '../../ports/unit-of-work.ts';
import type { ModerationService } from '../moderation/moderation.service.ts';
import type { ModerationTarget } from './reports.types.ts';
import type { ContentRow, QueueScope, ReportsRepository } from './reports.repository.ts';

export interface ReportsOptions {
  /** Distinct people with an open report that hide content until a moderator decides (DOMAIN.md: 3). */
  hideThreshold: number;
}

/** What the report queue asks of the moderation module (the audit log and accounts) and of crews. */
export interface ReportsDeps {
  moderation: Pick<
    ModerationService,
    'staffRole' | 'actWithin' | 'recordContentAction' | 'entriesFor' | 'entry'
  >;
  /** Whether the user is the crew's owner or staff (they moderate their crew's content). */
  isCrewStaff(crewId: string, userId: string): Promise<boolean>;
}

/** Who is looking at the queue or acting on a report. */
type Moderator = { kind: 'site'; role: UserRole } | { kind: 'crew'; crewId: string };

const REPORTS_PER_ITEM = 20;
const ACTIONS_PER_ITEM = 10;
const ACCOUNT_ACTIONS = new Set(['warn', 'suspend', 'ban']);

const notModerator = () => new ForbiddenError('NOT_MODERATOR', 'Only moderators and admins may do this');

/**
 * Reports of users and content (DOMAIN.md "Safety and reliability"): one open report per reporter and target,
 * and content that enough different people reported is hidden by the module that owns it.
 */
export class ReportsService {
  private readonly targets: ReadonlyMap<ReportTargetType, ModerationTarget>;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: ReportsRepository,
    private readonly clock: Clock,
    targets: readonly ModerationTarget[],
    private readonly options: ReportsOptions,
    private readonly deps: ReportsDeps,
  ) {
    this.targets = new Map(targets.map((t) => [t.type, t]));
  }

  /**
   * A report of something the reporter can see (else the owner's 404). Nobody reports themselves or their
   * own content (400). A second open report of the same target is 409 ALREADY_REPORTED: the partial unique
   * index decides, so two taps at once make one report.
   */
  async create(reporterId: string, input: CreateReport): Promise<ReportCreated> {
    const target = this.targets.get(input.targetType);
    if (!target) throw new AppError(500, 'INTERNAL_ERROR', `no moderation target for ${input.targetType}`);
    const owner = await target.locate(input.targetId, reporterId);
    if (owner.subjectId === reporterId)
      throw new ValidationError('You cannot report yourself or your own content', [
        { path: ['body', 'targetId'], code: 'custom', message: 'report.self' },
      ]);
    const now = this.clock.now();
    const note = input.note?.trim() || null;
    try {
      return await this.uow.run(async (tx) => {
        await this.repo.lockTarget(tx, input.targetType, input.targetId);
        const { id } = await this.repo.create(tx, {
          reporterId,
          targetType: input.targetType,
          targetId: input.targetId,
          subjectId: owner.subjectId,
          crewId: owner.crewId,
          reason: input.reason,
          note,
          createdAt: now,
        });
        const reporters = await this.repo.openReporters(tx, input.targetType, input.targetId);
        if (reporters >= this.options.hideThreshold && target.hide)
          await target.hide(tx, input.targetId, now);
        return { id, status: 'open' as const };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'reports_one_open_key'))
        throw new ConflictError('ALREADY_REPORTED', 'You have already reported this; it is being looked at');
      throw error;
    }
  }

  /**
   * The report queue: moderators and admins see every report (or one crew's); a crew's owner and staff see
   * their crew's reports of content (never reports of the crew itself), without who reported.
   */
  async queue(viewerId: string, query: ReportQueueQuery): Promise<ReportQueuePage> {
    const after = decodeCursor(query.cursor, 'time');
    const who = await this.moderatorOf(viewerId, query.crewId ?? null);
    const scope: QueueScope = {
      status: query.status,
      crewId: who.kind === 'crew' ? who.crewId : query.crewId,
      staffOfCrew: who.kind === 'crew',
    };
    const groups = await this.repo.queue(scope, after, query.limit + 1);
    const page = groups.slice(0, query.limit);
    const ids = page.map((g) => g.targetId);
    const [reports, actions, contents] = await Promise.all([
      this.repo.reportsOf(ids, scope),
      this.deps.moderation.entriesFor(ids, ACTIONS_PER_ITEM),
      this.contents(page.map((g) => ({ type: g.targetType, id: g.targetId }))),
    ]);
    const items = page.map((g): ReportQueueItem => {
      const own = reports.filter((r) => r.targetId === g.targetId && r.targetType === g.targetType);
      const content = contents.get(`${g.targetType}:${g.targetId}`);
      return {
        targetType: g.targetType,
        targetId: g.targetId,
        content: content
          ? {
              title: content.title,
              text: content.text,
              link: content.link,
              hidden: content.hidden,
              removed: content.removed,
            }
          : null,
        subject: g.subjectId ? { id: g.subjectId, nickname: g.subjectNickname ?? '' } : null,
        crew: g.crewId ? { id: g.crewId, name: g.crewName ?? '' } : null,
        reports: own.slice(0, REPORTS_PER_ITEM).map((r) => ({
          id: r.id,
          reason: r.reason as ReportQueueItem['reports'][number]['reason'],
          note: r.note,
          status: r.status as ReportQueueItem['reports'][number]['status'],
          reporter: who.kind === 'site' ? { id: r.reporterId, nickname: r.reporterNickname } : null,
          createdAt: r.createdAt.toISOString(),
        })),
        openCount: g.openCount,
        firstReportedAt: g.firstAt.toISOString(),
        actions: actions.get(g.targetId) ?? [],
      };
    });
    const last = page.at(-1);
    return {
      items,
      nextCursor:
        groups.length > query.limit && last ? encodeCursor(last.sortAt.toISOString(), last.targetId) : null,
      canActOnAccounts: who.kind === 'site',
    };
  }

  /**
   * A decision on a report, for every open report of the same target, written to the audit log with it:
   * dismiss (nothing wrong: content the reports hid shows again), hide, restore, or an action on the account of
   * whose it is (moderators only). The target's reports are decided one decision at a time: a report arriving
   * meanwhile waits for the decision and is then open on its own.
   */
  async act(actorId: string, reportId: string, input: ReportAction): Promise<ModerationEntry> {
    const report = await this.repo.find(reportId);
    if (!report) throw new NotFoundError('REPORT_NOT_FOUND', 'Report not found');
    const who = await this.moderatorOf(actorId, report.crewId);
    if (who.kind === 'crew' && (ACCOUNT_ACTIONS.has(input.action) || report.targetType === 'crew'))
      throw notModerator();
    const target = this.targets.get(report.targetType);
    if (!target) throw new AppError(500, 'INTERNAL_ERROR', `no moderation target for ${report.targetType}`);
    const content = input.action === 'hide' || input.action === 'restore' || input.action === 'dismiss';
    if (content && input.action !== 'dismiss' && !target.hide)
      throw new ValidationError('A user is not hidden: warn, suspend or ban the account', [
        { path: ['body', 'action'], code: 'custom', message: 'moderation.action.notForUser' },
      ]);
    if (!content && !report.subjectId) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
    const now = this.clock.now();
    const crewId = who.kind === 'crew' ? who.crewId : null;
    const ref = { reportId, crewId };
    const id = await this.uow.run(async (tx) => {
      await this.repo.lockTarget(tx, report.targetType, report.targetId);
      if (input.action === 'dismiss' || input.action === 'restore')
        await target.restore?.(tx, report.targetId);
      if (input.action === 'hide') await target.hide?.(tx, report.targetId, now);
      await this.repo.close(
        tx,
        report.targetType,
        report.targetId,
        input.action === 'dismiss' || input.action === 'restore' ? 'dismissed' : 'actioned',
        actorId,
        now,
      );
      if (input.action === 'dismiss' || input.action === 'hide' || input.action === 'restore')
        return this.deps.moderation.recordContentAction(tx, {
          actorId,
          action: input.action,
          targetType: report.targetType,
          targetId: report.targetId,
          subjectId: report.subjectId,
          ...ref,
          reason: input.reason,
        });
      if (who.kind !== 'site' || !report.subjectId) throw notModerator();
      return this.deps.moderation.actWithin(
        tx,
        actorId,
        who.role,
        report.subjectId,
        { action: input.action, reason: input.reason, ...(input.days ? { days: input.days } : {}) },
        ref,
      );
    });
    return this.deps.moderation.entry(id);
  }

  /** A moderator or admin anywhere, or the owner or staff of the crew asked about; else 403 NOT_MODERATOR. */
  private async moderatorOf(userId: string, crewId: string | null): Promise<Moderator> {
    const role = await this.deps.moderation.staffRole(userId);
    if (role) return { kind: 'site', role };
    if (crewId && (await this.deps.isCrewStaff(crewId, userId))) return { kind: 'crew', crewId };
    throw notModerator();
  }

  private async contents(
    targets: { type: ReportTargetType; id: string }[],
  ): Promise<Map<string, ContentRow>> {
    const byType = new Map<ReportTargetType, string[]>();
    for (const t of targets) byType.set(t.type, [...(byType.get(t.type) ?? []), t.id]);
    const found = new Map<string, ContentRow>();
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        for (const row of await this.repo.contentOf(type, ids)) found.set(`${type}:${row.id}`, row);
      }),
    );
    return found;
  }
}
