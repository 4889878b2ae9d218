import { z } from 'zod';
import { EarnedBadgeSchema } from './me.ts';
import { ImageSchema } from './users.ts';

export const HOST_REVIEW_POSITIVE = [
  'course_good',
  'led_well',
  'answered_fast',
  'kept_bags',
  'on_time',
] as const;
export const HOST_REVIEW_NEGATIVE = ['course_poor', 'unkind', 'answered_late', 'no_notice', 'late'] as const;
export const HostReviewCategorySchema = z.enum([...HOST_REVIEW_POSITIVE, ...HOST_REVIEW_NEGATIVE]);
export type HostReviewCategory = z.infer<typeof HostReviewCategorySchema>;

/** DOMAIN.md's windows, in milliseconds around the run's start and end. */
export const AFTER_RUN_WINDOWS = {
  attendanceOpensBeforeStartMs: 30 * 60_000,
  attendanceClosesAfterEndMs: 48 * 3600_000,
  reviewClosesAfterEndMs: 7 * 24 * 3600_000,
} as const;

export const SaveAttendanceSchema = z
  .object({
    present: z.array(z.uuid()).max(100),
    absent: z.array(z.uuid()).max(100),
  })
  .refine((a) => new Set([...a.present, ...a.absent]).size === a.present.length + a.absent.length, {
    message: 'attendance.duplicate',
  });
export type SaveAttendance = z.infer<typeof SaveAttendanceSchema>;

export const AttendanceSchema = z.object({
  runId: z.uuid(),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  /** Absent (no-show) can be recorded only from the start on; present from `opensAt`. */
  absentOpensAt: z.iso.datetime({ offset: true }),
  editable: z.boolean(),
  /** Whether absent can be recorded now (by the server's clock): from the start until `closesAt`. */
  absentEditable: z.boolean(),
  participants: z.array(
    z.object({
      id: z.uuid(),
      nickname: z.string(),
      avatar: ImageSchema.nullable(),
      present: z.boolean().nullable(),
      /** Wrote a host review: stays present (marking them absent answers 409 REVIEWER_STAYS_PRESENT). */
      reviewed: z.boolean(),
      /** The pace group they ran in (null: the run has no groups): the sheet lists them by group. */
      paceGroupId: z.uuid().nullable().optional(),
    }),
  ),
  /** The run's pace groups, fastest first (empty: none). */
  paceGroups: z.array(z.object({ id: z.uuid(), paceSecPerKm: z.number().int() })).optional(),
  present: z.array(z.uuid()),
  absent: z.array(z.uuid()),
});
export type Attendance = z.infer<typeof AttendanceSchema>;

export const WriteHostReviewSchema = z
  .object({
    positive: z.boolean(),
    categories: z.array(HostReviewCategorySchema).min(1, { message: 'review.categoryRequired' }).max(5),
    note: z.string().trim().max(300, { message: 'review.noteTooLong' }).nullish(),
  })
  .superRefine((review, ctx) => {
    const side: readonly string[] = review.positive ? HOST_REVIEW_POSITIVE : HOST_REVIEW_NEGATIVE;
    if (review.categories.some((c) => !side.includes(c))) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'review.wrongSide' });
    }
    if (new Set(review.categories).size !== review.categories.length) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'review.duplicate' });
    }
  });
export type WriteHostReview = z.infer<typeof WriteHostReviewSchema>;

export const HostReviewSchema = z.object({
  runId: z.uuid(),
  positive: z.boolean(),
  categories: z.array(HostReviewCategorySchema),
  note: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});

export const SCORE_REASONS = ['present', 'absent', 'review_positive', 'review_negative'] as const;
export const ScoreHistorySchema = z.object({
  score: z.number().int(),
  items: z.array(
    z.object({
      delta: z.number().int(),
      reason: z.enum(SCORE_REASONS),
      runId: z.uuid(),
      runTitle: z.string(),
      at: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type ScoreHistory = z.infer<typeof ScoreHistorySchema>;

/** A user as anyone sees them: no email, phone or bookmarks; disappointing review counts only for themself. */
export const ProfileSchema = z.object({
  id: z.uuid(),
  nickname: z.string(),
  bio: z.string(),
  runningLevel: z.string().nullable(),
  avatar: ImageSchema.nullable(),
  goodRunnerScore: z.number().int(),
  runsHosted: z.number().int(),
  reviewCounts: z.partialRecord(HostReviewCategorySchema, z.number().int()),
  badges: z.array(EarnedBadgeSchema),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Profile = z.infer<typeof ProfileSchema>;
