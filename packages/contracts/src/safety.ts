import { z } from 'zod';

/**
 * The words of the trust layer (DOMAIN.md "Safety and reliability", issue 17): reports, blocks, moderation,
 * attendance disputes, reliability, seat offers and 여성 전용. Each feature's endpoints add their own schemas
 * here beside these.
 */
export const REPORT_TARGET_TYPES = [
  'user',
  'run',
  'course',
  'comment',
  'chat_message',
  'crew',
  'announcement',
] as const;
export const ReportTargetTypeSchema = z.enum(REPORT_TARGET_TYPES);
export type ReportTargetType = z.infer<typeof ReportTargetTypeSchema>;

export const REPORT_REASONS = ['spam', 'harassment', 'sexual', 'unsafe', 'impersonation', 'other'] as const;
export const ReportReasonSchema = z.enum(REPORT_REASONS);
export type ReportReason = z.infer<typeof ReportReasonSchema>;

export const REPORT_STATUSES = ['open', 'dismissed', 'actioned'] as const;
export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

export const USER_ROLES = ['user', 'moderator', 'admin'] as const;
export const UserRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRoleSchema>;

/** What a moderator (or crew staff, within the crew) does to a report's target; `grant`/`revoke` are the CLI's. */
export const MODERATION_ACTIONS = ['dismiss', 'hide', 'restore', 'warn', 'suspend', 'ban'] as const;
export const ModerationActionSchema = z.enum(MODERATION_ACTIONS);
export type ModerationAction = z.infer<typeof ModerationActionSchema>;

export const GENDERS = ['female', 'male', 'other'] as const;
export const GenderSchema = z.enum(GENDERS);
export type Gender = z.infer<typeof GenderSchema>;

export const DISPUTE_STATUSES = ['open', 'accepted', 'rejected', 'escalated'] as const;
export const DisputeStatusSchema = z.enum(DISPUTE_STATUSES);
export type DisputeStatus = z.infer<typeof DisputeStatusSchema>;

export const SEAT_OFFER_STATUSES = ['open', 'claimed', 'lapsed', 'withdrawn'] as const;
export const SeatOfferStatusSchema = z.enum(SEAT_OFFER_STATUSES);
export type SeatOfferStatus = z.infer<typeof SeatOfferStatusSchema>;

export const SAFETY_LIMITS = {
  reportNoteMax: 500,
  moderationReasonMin: 2,
  moderationReasonMax: 500,
  suspendDaysMin: 1,
  suspendDaysMax: 365,
  disputeNoteMin: 2,
  disputeNoteMax: 500,
  /** Hours after the run's end + 0 within which an absent runner may dispute (DOMAIN: 48 h). */
  disputeWindowHours: 48,
  /** Hours a dispute may stay open with the host before it goes to moderators. */
  disputeEscalateHours: 72,
  /** A seat freed this close to the start is offered, not given (hours). */
  seatOfferWithinHours: 24,
  /** How long an offered seat waits for its claim (minutes), or the join deadline if sooner. */
  seatOfferMinutes: 30,
  /** A runner leaving this close to the start is a late cancellation (hours). */
  lateCancelHours: 3,
  /** The reliability record's span (months) and the number of recorded runs before a rate is shown. */
  reliabilityMonths: 12,
  reliabilityMinRecorded: 3,
} as const;

export const CreateReportSchema = z
  .object({
    targetType: ReportTargetTypeSchema,
    targetId: z.uuid(),
    reason: ReportReasonSchema,
    note: z.string().trim().max(SAFETY_LIMITS.reportNoteMax, { message: 'report.note.tooLong' }).optional(),
  })
  .strict()
  .refine((r) => r.reason !== 'other' || (r.note !== undefined && r.note.length > 0), {
    message: 'report.note.required',
    path: ['note'],
  });
export type CreateReport = z.infer<typeof CreateReportSchema>;

/** `POST /api/reports`: the report just made (always open). Who reported is never shown to anyone else. */
export const ReportCreatedSchema = z.object({ id: z.uuid(), status: z.literal('open') });
export type ReportCreated = z.infer<typeof ReportCreatedSchema>;

/** A runner's reliability record (last 12 months): `attendanceRate` is null until 3 recorded runs ("새 러너"). */
export const ReliabilitySchema = z.object({
  userId: z.uuid(),
  joined: z.number().int(),
  present: z.number().int(),
  absent: z.number().int(),
  lateCancellations: z.number().int(),
  /** present / (present + absent), 0–100, rounded; null before 3 recorded runs. */
  attendanceRate: z.number().int().min(0).max(100).nullable(),
});
export type Reliability = z.infer<typeof ReliabilitySchema>;
