import { z } from 'zod';
import { PageQuerySchema } from './common.ts';
import {
  ModerationActionSchema,
  ReportReasonSchema,
  ReportStatusSchema,
  ReportTargetTypeSchema,
  SAFETY_LIMITS,
  UserRoleSchema,
} from './safety.ts';

/**
 * The account side of moderation (issue 17, DOMAIN.md "Safety and reliability"): what a moderator or an admin
 * does to a user — warn, suspend for 1–365 days, ban, restore — and the roles an admin grants. Every action is a
 * row of the append-only audit log (`moderation_actions`); its reason is shown to the user.
 */

/** Why a signed-in user may read but not post, join or host: a suspension (until) or a ban (until null). */
export const AccountRestrictionSchema = z.object({
  kind: z.enum(['suspended', 'banned']),
  /** The end of a suspension; null for a ban. */
  until: z.iso.datetime({ offset: true }).nullable(),
  /** The reason the moderator gave (the latest suspend or ban action); null if none was recorded. */
  reason: z.string().nullable(),
});
export type AccountRestriction = z.infer<typeof AccountRestrictionSchema>;

/** What a moderator does to an account. `restore` lifts a suspension or a ban. */
export const USER_MODERATION_ACTIONS = ['warn', 'suspend', 'ban', 'restore'] as const;
export const UserModerationActionSchema = z.enum(USER_MODERATION_ACTIONS);
export type UserModerationAction = z.infer<typeof UserModerationActionSchema>;

const ReasonSchema = z
  .string()
  .trim()
  .min(SAFETY_LIMITS.moderationReasonMin, { message: 'moderation.reason.tooShort' })
  .max(SAFETY_LIMITS.moderationReasonMax, { message: 'moderation.reason.tooLong' });

/** A suspension's length in days (1–365): a suspension needs one, the other actions none. */
const DaysSchema = z
  .number()
  .int()
  .min(SAFETY_LIMITS.suspendDaysMin)
  .max(SAFETY_LIMITS.suspendDaysMax)
  .optional();
const suspendHasDays = (a: { action: string; days?: number | undefined }) =>
  (a.action === 'suspend') === (a.days !== undefined);
const suspendHasDaysIssue = { message: 'moderation.days.suspendOnly', path: ['days'] };

/** `POST /api/admin/users/:userId/actions`: the reason is shown to the user. */
export const ModerateUserSchema = z
  .object({ action: UserModerationActionSchema, reason: ReasonSchema, days: DaysSchema })
  .strict()
  .refine(suspendHasDays, suspendHasDaysIssue);
export type ModerateUser = z.infer<typeof ModerateUserSchema>;

/** `POST /api/admin/users/:userId/role` (admins only): `user` takes a role away. */
export const SetUserRoleSchema = z.object({ role: UserRoleSchema, reason: ReasonSchema.optional() }).strict();
export type SetUserRole = z.infer<typeof SetUserRoleSchema>;

export const AUDIT_ACTIONS = [
  'dismiss',
  'hide',
  'restore',
  'warn',
  'suspend',
  'ban',
  'grant',
  'revoke',
] as const;

const PersonSchema = z.object({ id: z.uuid(), nickname: z.string() });

/** One row of the audit log. `actor` is null for the command line (or an account deleted since). */
export const ModerationEntrySchema = z.object({
  id: z.uuid(),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.string(),
  targetId: z.uuid(),
  actor: PersonSchema.nullable(),
  subject: PersonSchema.nullable(),
  reportId: z.uuid().nullable(),
  crewId: z.uuid().nullable(),
  reason: z.string(),
  days: z.number().int().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type ModerationEntry = z.infer<typeof ModerationEntrySchema>;

export const AuditPageSchema = z.object({
  items: z.array(ModerationEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
export const AuditQuerySchema = PageQuerySchema;

/** A report about the user (read-only here: the report queue decides them). */
export const ReportAboutUserSchema = z.object({
  id: z.uuid(),
  targetType: ReportTargetTypeSchema,
  targetId: z.uuid(),
  reason: ReportReasonSchema,
  note: z.string().nullable(),
  status: ReportStatusSchema,
  createdAt: z.iso.datetime({ offset: true }),
});
export type ReportAboutUser = z.infer<typeof ReportAboutUserSchema>;

/** `GET /api/admin/users/:userId/history`: the account, actions about it and reports about it, newest first. */
export const UserModerationHistorySchema = z.object({
  user: z.object({
    id: z.uuid(),
    nickname: z.string(),
    email: z.string().nullable(),
    role: UserRoleSchema,
    restriction: AccountRestrictionSchema.nullable(),
    deleted: z.boolean(),
    createdAt: z.iso.datetime({ offset: true }),
  }),
  actions: z.array(ModerationEntrySchema),
  reports: z.array(ReportAboutUserSchema),
});
export type UserModerationHistory = z.infer<typeof UserModerationHistorySchema>;

/** `GET /api/admin/users?email=`: the id behind an address, for the /admin lookup. */
export const FindUserQuerySchema = z.object({ email: z.string().trim().min(3).max(254) });
export const FoundUserSchema = z.object({ id: z.uuid(), nickname: z.string() });

/**
 * The report queue (`/admin`, and a crew's staff for their crew): open reports grouped by what they are about,
 * oldest first. `status=closed` lists groups whose reports were all decided, newest decision first.
 */
export const REPORT_QUEUE_STATUSES = ['open', 'closed'] as const;
export const ReportQueueQuerySchema = PageQuerySchema.extend({
  status: z.enum(REPORT_QUEUE_STATUSES).default('open'),
  /** One crew's reports: its staff see only these; moderators may narrow to one crew. */
  crewId: z.uuid().optional(),
});
export type ReportQueueQuery = z.infer<typeof ReportQueueQuerySchema>;

/** The reported thing as a moderator sees it (hidden or not), from the module that owns it. */
export const ReportedContentSchema = z.object({
  /** A run's or course's title, a crew's name, a user's nickname; null for a comment or a chat message. */
  title: z.string().nullable(),
  /** The words reported (a comment, a message, a description or bio), at most 1,000 characters. */
  text: z.string().nullable(),
  /** Where it lives in the app (`/runs/…`), for the moderator to see it in context; null when gone. */
  link: z.string().nullable(),
  hidden: z.boolean(),
  /** Deleted by its author (or the account is): nothing left to hide or restore. */
  removed: z.boolean(),
});
export type ReportedContent = z.infer<typeof ReportedContentSchema>;

export const QueuedReportSchema = z.object({
  id: z.uuid(),
  reason: ReportReasonSchema,
  note: z.string().nullable(),
  status: ReportStatusSchema,
  /** Who reported: shown to moderators, never to a crew's staff (null). */
  reporter: PersonSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type QueuedReport = z.infer<typeof QueuedReportSchema>;

export const ReportQueueItemSchema = z.object({
  targetType: ReportTargetTypeSchema,
  targetId: z.uuid(),
  /** null when it no longer exists at all. */
  content: ReportedContentSchema.nullable(),
  /** Whose it is (the author, host, owner or the reported user). */
  subject: PersonSchema.nullable(),
  crew: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Open reports first, newest first within; at most 20. */
  reports: z.array(QueuedReportSchema),
  openCount: z.number().int(),
  firstReportedAt: z.iso.datetime({ offset: true }),
  /** Actions already taken on it or its reports, newest first (at most 10). */
  actions: z.array(ModerationEntrySchema),
});
export type ReportQueueItem = z.infer<typeof ReportQueueItemSchema>;

export const ReportQueuePageSchema = z.object({
  items: z.array(ReportQueueItemSchema),
  nextCursor: z.string().nullable(),
  /** Whether the reader may act on accounts (warn, suspend, ban): moderators and admins, not crew staff. */
  canActOnAccounts: z.boolean(),
});
export type ReportQueuePage = z.infer<typeof ReportQueuePageSchema>;

/**
 * `POST /api/admin/reports/:reportId/actions`: dismiss (nothing wrong: the reports close and content hidden by
 * them shows again), hide, restore (content), or warn / suspend N days / ban its author. Each decides every open
 * report of the same target and is written to the audit log with the report.
 */
export const ReportActionSchema = z
  .object({ action: ModerationActionSchema, reason: ReasonSchema, days: DaysSchema })
  .strict()
  .refine(suspendHasDays, suspendHasDaysIssue);
export type ReportAction = z.infer<typeof ReportActionSchema>;
