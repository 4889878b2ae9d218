import { z } from 'zod';
import { CursorSchema, pageOf } from './common.ts';
import { CREW_LIMITS, CrewRoleSchema, JoinPolicySchema } from './crew-basics.ts';
import { PublicUserSchema } from './users.ts';

/**
 * Crew membership (DOMAIN.md "Crews"): asking to join, the member lists, staff decisions, roles, leaving, the
 * invite link and the guest counter ("정회원까지 2회").
 */

export const CREW_MEMBER_STATUSES = ['member', 'pending', 'banned'] as const;
export const CrewMemberStatusSchema = z.enum(CREW_MEMBER_STATUSES);
export type CrewMemberStatus = z.infer<typeof CrewMemberStatusSchema>;

/** `POST /api/crews/:crewId/members`: answers to the crew's questions (approval crews), or an invite secret. */
export const JoinCrewSchema = z
  .object({
    answers: z
      .array(
        z
          .string()
          .trim()
          .min(1, { message: 'answer.required' })
          .max(CREW_LIMITS.answerMax, { message: 'answer.tooLong' }),
      )
      .max(CREW_LIMITS.questionsMax, { message: 'answers.tooMany' })
      .optional(),
    invite: z.string().min(1).max(100).optional(),
  })
  .strict();
export type JoinCrew = z.infer<typeof JoinCrewSchema>;

/** member: in at once (open crew, or a valid invite); pending: the staff decide. */
export const JoinCrewResultSchema = z.object({ status: z.enum(['member', 'pending']) });
export type JoinCrewResult = z.infer<typeof JoinCrewResultSchema>;

/** One row of a crew's member lists. `answers` and `reason` are shown to the staff only (null for others). */
export const CrewMemberSchema = z.object({
  user: PublicUserSchema,
  role: CrewRoleSchema,
  status: CrewMemberStatusSchema,
  answers: z.array(z.string()).nullable(),
  reason: z.string().nullable(),
  /** Members: when they became one; requests: when they asked; bans: when the row was made. */
  joinedAt: z.iso.datetime({ offset: true }),
});
export type CrewMember = z.infer<typeof CrewMemberSchema>;

export const CrewMemberPageSchema = pageOf(CrewMemberSchema);
export type CrewMemberPage = z.infer<typeof CrewMemberPageSchema>;

/** `GET /api/crews/:crewId/members`: members (members see them), pending requests and bans (staff only). */
export const CrewMembersQuerySchema = z
  .object({
    status: CrewMemberStatusSchema.default('member'),
    cursor: CursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();
export type CrewMembersQuery = z.input<typeof CrewMembersQuerySchema>;
export type CrewMembersQueryParsed = z.output<typeof CrewMembersQuerySchema>;

/**
 * `PATCH /api/crews/:crewId/members/:userId`: staff approve a request (`status: member`); the owner makes a
 * member staff or staff a member, or hands the crew over (`role: owner`; the old owner becomes staff).
 */
export const UpdateCrewMemberSchema = z.union([
  z.object({ status: z.literal('member') }).strict(),
  z.object({ role: CrewRoleSchema }).strict(),
]);
export type UpdateCrewMember = z.infer<typeof UpdateCrewMemberSchema>;

/** `DELETE /api/crews/:crewId/members/:userId`: refuse, remove or (with `ban`) ban; the reason is told. */
export const RemoveCrewMemberSchema = z
  .object({
    reason: z.string().trim().max(CREW_LIMITS.reasonMax, { message: 'reason.tooLong' }).optional(),
    ban: z.boolean().optional(),
  })
  .strict();
export type RemoveCrewMember = z.infer<typeof RemoveCrewMemberSchema>;

/** The crew as the membership pages need it (the join page and member management read only this). */
export const CrewMembershipCrewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  joinPolicy: JoinPolicySchema,
  questions: z.array(z.string()),
  autoMemberAfter: z.number().int().nullable(),
  memberCount: z.number().int(),
});
export type CrewMembershipCrew = z.infer<typeof CrewMembershipCrewSchema>;

/** `GET /api/crews/:crewId/members/me`: my place in the crew and my way to membership. */
export const MyCrewMembershipSchema = z.object({
  crew: CrewMembershipCrewSchema,
  /** null: not in the crew (never asked, refused, removed or left). */
  status: CrewMemberStatusSchema.nullable(),
  role: CrewRoleSchema.nullable(),
  /** Runs of this crew I was marked present at. */
  attendedRuns: z.number().int(),
  /** Attended runs still needed to become a member automatically; null when the crew has no such rule or I am in. */
  runsToMember: z.number().int().nullable(),
  /** Join requests waiting for a decision: for the staff only (null for others). */
  pendingCount: z.number().int().nullable(),
});
export type MyCrewMembership = z.infer<typeof MyCrewMembershipSchema>;

/** `POST /api/crews/:crewId/invite`: a new invite link (the previous one stops working). */
export const CrewInviteSchema = z.object({ url: z.string() });
export type CrewInvite = z.infer<typeof CrewInviteSchema>;
