import { z } from 'zod';
import { DisputeStatusSchema, ReliabilitySchema, SAFETY_LIMITS } from './safety.ts';
import { ImageSchema } from './users.ts';

/**
 * Fair attendance and the reliability record (DOMAIN.md "Safety and reliability", issue 17): a runner marked
 * absent disputes within 48 h with a note; the host (or whoever manages the run) accepts (present) or rejects;
 * a dispute left open for 72 h goes to moderators (`escalated`).
 */
export const CreateDisputeSchema = z
  .object({
    note: z
      .string()
      .trim()
      .min(SAFETY_LIMITS.disputeNoteMin, { message: 'dispute.note.tooShort' })
      .max(SAFETY_LIMITS.disputeNoteMax, { message: 'dispute.note.tooLong' }),
  })
  .strict();
export type CreateDispute = z.infer<typeof CreateDisputeSchema>;

export const DISPUTE_DECISIONS = ['accept', 'reject'] as const;
export const ResolveDisputeSchema = z.object({ decision: z.enum(DISPUTE_DECISIONS) }).strict();
export type ResolveDispute = z.infer<typeof ResolveDisputeSchema>;

export const DisputeSchema = z.object({
  runId: z.uuid(),
  userId: z.uuid(),
  note: z.string(),
  status: DisputeStatusSchema,
  createdAt: z.iso.datetime({ offset: true }),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Dispute = z.infer<typeof DisputeSchema>;

/** `GET /api/runs/:runId/attendance/me`: my mark at a run and, when absent, my dispute and its window. */
export const MyAttendanceSchema = z.object({
  runId: z.uuid(),
  /** The host's mark: true present, false absent, null not recorded. */
  present: z.boolean().nullable(),
  /** Until when an absent mark may be disputed (48 h after it was recorded, or after the end if later). */
  disputeClosesAt: z.iso.datetime({ offset: true }).nullable(),
  /** Whether I may dispute now: marked absent, inside the window, no dispute yet. */
  canDispute: z.boolean(),
  dispute: DisputeSchema.nullable(),
});
export type MyAttendance = z.infer<typeof MyAttendanceSchema>;

/** `GET /api/runs/:runId/attendance/disputes`: what the run's managers decide, open ones first. */
export const RunDisputesSchema = z.object({
  items: z.array(
    DisputeSchema.extend({
      user: z.object({ id: z.uuid(), nickname: z.string(), avatar: ImageSchema.nullable() }),
    }),
  ),
});
export type RunDisputes = z.infer<typeof RunDisputesSchema>;

/** A dispute the host left open for 72 h, in the moderators' queue, with the run and both people. */
export const EscalatedDisputeSchema = DisputeSchema.extend({
  run: z.object({
    id: z.uuid(),
    title: z.string(),
    startsAt: z.iso.datetime({ offset: true }),
    host: z.object({ id: z.uuid(), nickname: z.string() }),
  }),
  user: z.object({ id: z.uuid(), nickname: z.string() }),
});
export type EscalatedDispute = z.infer<typeof EscalatedDisputeSchema>;

/** `GET /api/admin/disputes`: escalated disputes, oldest first (moderators and admins). */
export const EscalatedDisputesSchema = z.object({ items: z.array(EscalatedDisputeSchema) });
export type EscalatedDisputes = z.infer<typeof EscalatedDisputesSchema>;

/** `GET /api/runs/:runId/reliability`: the records of the run's runners, for its managers. */
export const RunReliabilitySchema = z.object({ items: z.array(ReliabilitySchema) });
export type RunReliability = z.infer<typeof RunReliabilitySchema>;
