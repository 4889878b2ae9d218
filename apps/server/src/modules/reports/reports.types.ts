import type { ReportTargetType } from '@erun/contracts';
import type { Tx } from '../../ports/unit-of-work.ts';

/** Whose a reported target is (the user's history) and the crew it lives in (its staff moderate it there). */
export interface TargetOwner {
  subjectId: string | null;
  crewId: string | null;
}

/**
 * What the reports module asks of the module that owns a kind of content (ADR 019: one module writes each
 * table). Each owning module implements one and services.ts registers it: a new kind of content grows the
 * reports by adding a target, not by editing them.
 */
export interface ModerationTarget {
  readonly type: ReportTargetType;
  /**
   * Whose it is and its crew, as the reader may see it; throws the owner's NotFoundError when the target is
   * missing, deleted or not the reader's to see (a members-only crew run for a non-member).
   */
  locate(targetId: string, readerId: string): Promise<TargetOwner>;
  /**
   * Hides it (sets `hidden_at`) inside the report's unit of work, once reports from enough people are open;
   * a target already hidden stays as it is. Absent: never hidden automatically (a user: moderators decide).
   */
  hide?(tx: Tx, targetId: string, at: Date): Promise<void>;
  /** Shows it again (clears `hidden_at`) in the moderator's unit of work. Absent exactly when `hide` is. */
  restore?(tx: Tx, targetId: string): Promise<void>;
}
