import { z } from 'zod';
import { PageQuerySchema } from './common.ts';
import {
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

/** `POST /api/admin/users/:userId/actions`: a suspension needs its days (1–365), the others none. */
export const ModerateUserSchema = z
  .object({
    action: UserModerationActionSchema,
    reason: ReasonSchema,
    days: z.number().int().min(SAFETY_LIMITS.suspendDaysMin).max(SAFETY_LIMITS.suspendDaysMax).optional(),
  })
  .strict()
  .refine((a) => (a.action === 'suspend') === (a.days !== undefined), {
    message: 'moderation.days.suspendOnly',
    path: ['days'],
  });
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
