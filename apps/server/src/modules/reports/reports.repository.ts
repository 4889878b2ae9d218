import type { ReportReason, ReportTargetType } from '@erun/contracts';
import { and, countDistinct, eq, sql } from 'drizzle-orm';
import { reports } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export interface NewReport {
  reporterId: string;
  targetType: ReportTargetType;
  targetId: string;
  subjectId: string | null;
  crewId: string | null;
  reason: ReportReason;
  note: string | null;
  createdAt: Date;
}

/** The reports table; its writes are this module's alone. */
export class ReportsRepository {
  /**
   * Takes the target's turn until the unit of work ends: reports of one target are counted one after another,
   * so two people reporting at once cannot both count without the other and leave it under the threshold.
   */
  async lockTarget(tx: Tx, type: ReportTargetType, targetId: string): Promise<void> {
    await sqlOf(tx).execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`report:${type}:${targetId}`}, 0))`,
    );
  }

  /** Throws a unique violation of `reports_one_open_key` when this reporter's report of it is still open. */
  async create(tx: Tx, values: NewReport): Promise<{ id: string }> {
    const [row] = await sqlOf(tx).insert(reports).values(values).returning({ id: reports.id });
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  /** How many different people have an open report of the target. */
  async openReporters(tx: Tx, type: ReportTargetType, targetId: string): Promise<number> {
    const [row] = await sqlOf(tx)
      .select({ n: countDistinct(reports.reporterId) })
      .from(reports)
      .where(and(eq(reports.targetType, type), eq(reports.targetId, targetId), eq(reports.status, 'open')));
    return row?.n ?? 0;
  }
}
