import type { CreateReport, ReportCreated, ReportTargetType } from '@erun/contracts';
import { AppError, ConflictError, isUniqueViolation, ValidationError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { UnitOfWork } from '../../ports/unit-of-work.ts';
import type { ModerationTarget } from './reports.types.ts';
import type { ReportsRepository } from './reports.repository.ts';

export interface ReportsOptions {
  /** Distinct people with an open report that hide content until a moderator decides (DOMAIN.md: 3). */
  hideThreshold: number;
}

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
}
