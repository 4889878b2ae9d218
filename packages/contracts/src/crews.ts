import { z } from 'zod';
import { CursorSchema, csv, pageOf } from './common.ts';
import {
  CREW_LIMITS,
  CrewRoleSchema,
  JoinPolicySchema,
  LocalTimeSchema,
  WeekdaySchema,
} from './crew-basics.ts';
import { REGIONS, RegionSchema, TIMES_OF_DAY } from './domain.ts';
import { MeetingPlaceSchema, RUN_LIMITS } from './runs.ts';
import { ImageSchema, PublicUserSchema } from './users.ts';
import { WEEKDAYS } from './weekdays.ts';

const Iso = z.iso.datetime({ offset: true });
const Pace = z.number().int().min(RUN_LIMITS.paceMin).max(RUN_LIMITS.paceMax);

export const PaceRangeSchema = z
  .object({ min: Pace, max: Pace })
  .refine((r) => r.min <= r.max, { message: 'paceRange.order', path: ['max'] });

const CrewFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(CREW_LIMITS.nameMin, { message: 'name.tooShort' })
    .max(CREW_LIMITS.nameMax, { message: 'name.tooLong' }),
  description: z.string().trim().max(CREW_LIMITS.descriptionMax, { message: 'description.tooLong' }),
  regions: z
    .array(RegionSchema)
    .min(1, { message: 'regions.required' })
    .max(CREW_LIMITS.regionsMax, { message: 'regions.tooMany' })
    .refine((r) => new Set(r).size === r.length, { message: 'regions.duplicate' }),
  homeSpot: MeetingPlaceSchema,
  days: z
    .array(WeekdaySchema)
    .max(7)
    .refine((d) => new Set(d).size === d.length, { message: 'days.duplicate' }),
  time: LocalTimeSchema.nullable(),
  paceRange: PaceRangeSchema.nullable(),
  level: z.string().trim().max(CREW_LIMITS.levelMax, { message: 'level.tooLong' }),
  beginnerFriendly: z.boolean(),
  joinPolicy: JoinPolicySchema,
  questions: z
    .array(z.string().trim().min(1).max(CREW_LIMITS.questionMax, { message: 'question.tooLong' }))
    .max(CREW_LIMITS.questionsMax, { message: 'questions.tooMany' }),
  logoId: z.uuid().nullable(),
  coverId: z.uuid().nullable(),
  /** Guests become members after this many attended crew runs; null: never automatically. */
  autoMemberAfter: z
    .number()
    .int()
    .min(CREW_LIMITS.autoMemberMin, { message: 'autoMemberAfter.range' })
    .max(CREW_LIMITS.autoMemberMax, { message: 'autoMemberAfter.range' })
    .nullable(),
  /** 여성 전용 크루: only runners whose (private) profile says female join; its owner too. */
  womenOnly: z.boolean(),
});

/** `POST /api/crews`: name, regions, home spot and policy are required; the rest has defaults. */
export const CreateCrewSchema = CrewFieldsSchema.extend({
  description: CrewFieldsSchema.shape.description.default(''),
  days: CrewFieldsSchema.shape.days.default([]),
  time: CrewFieldsSchema.shape.time.default(null),
  paceRange: CrewFieldsSchema.shape.paceRange.default(null),
  level: CrewFieldsSchema.shape.level.default(''),
  beginnerFriendly: CrewFieldsSchema.shape.beginnerFriendly.default(false),
  questions: CrewFieldsSchema.shape.questions.default([]),
  logoId: CrewFieldsSchema.shape.logoId.default(null),
  coverId: CrewFieldsSchema.shape.coverId.default(null),
  autoMemberAfter: CrewFieldsSchema.shape.autoMemberAfter.default(null),
  womenOnly: CrewFieldsSchema.shape.womenOnly.default(false),
}).strict();
export type CreateCrew = z.input<typeof CreateCrewSchema>;
export type CreateCrewParsed = z.output<typeof CreateCrewSchema>;

/** `PATCH /api/crews/:crewId` (owner): only what changes. */
export const UpdateCrewSchema = CrewFieldsSchema.partial().strict();
export type UpdateCrew = z.infer<typeof UpdateCrewSchema>;

/** The caller's place in the crew: the join button explains its state from it. */
export const CrewViewerSchema = z.object({
  /** member | pending (asked, waiting) | banned | null (not in it, or signed out). */
  status: z.enum(['member', 'pending', 'banned']).nullable(),
  role: CrewRoleSchema.nullable(),
});
export type CrewViewer = z.infer<typeof CrewViewerSchema>;

/** A crew in lists (find crews, home, my crews). */
export const CrewSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  regions: z.array(RegionSchema),
  homeSpot: MeetingPlaceSchema,
  days: z.array(WeekdaySchema),
  time: LocalTimeSchema.nullable(),
  paceRange: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
  level: z.string(),
  beginnerFriendly: z.boolean(),
  joinPolicy: JoinPolicySchema,
  logo: ImageSchema.nullable(),
  memberCount: z.number().int(),
  /** Crew runs held in the last 30 days. */
  runsLast30Days: z.number().int(),
  viewer: CrewViewerSchema,
  /** 여성 전용 크루 (labelled wherever the crew is shown). */
  womenOnly: z.boolean(),
});
export type CrewSummary = z.infer<typeof CrewSummarySchema>;

/** A crew's page. */
export const CrewSchema = CrewSummarySchema.extend({
  description: z.string(),
  cover: ImageSchema.nullable(),
  questions: z.array(z.string()),
  autoMemberAfter: z.number().int().nullable(),
  owner: PublicUserSchema,
  staff: z.array(PublicUserSchema),
  /** This calendar month (Asia/Seoul): runs held and kilometres run together (distance × runners present). */
  stats: z.object({ runsThisMonth: z.number().int(), kmThisMonth: z.number() }),
  createdAt: Iso,
});
export type Crew = z.infer<typeof CrewSchema>;

export const CrewPageSchema = pageOf(CrewSummarySchema);
export type CrewPage = z.infer<typeof CrewPageSchema>;

/** `GET /api/crews`: find crews; sorted by activity (runs in the last 30 days), then members. */
export const ListCrewsQuerySchema = z
  .object({
    region: csv(REGIONS).optional(),
    day: csv(WEEKDAYS).optional(),
    timeOfDay: csv(TIMES_OF_DAY).optional(),
    /** A pace the crew's range covers, s/km. */
    pace: z.coerce.number().int().min(RUN_LIMITS.paceMin).max(RUN_LIMITS.paceMax).optional(),
    beginner: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    q: z.string().trim().max(50).optional(),
    cursor: CursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type ListCrewsQuery = z.input<typeof ListCrewsQuerySchema>;

/** `GET /api/me/crews`: the crews I am a member of, with my role (staff crews first can be filtered). */
export const MyCrewsQuerySchema = z.object({ role: z.enum(['staff']).optional() }).strict();
export const MyCrewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  logo: ImageSchema.nullable(),
  role: CrewRoleSchema,
  memberCount: z.number().int(),
});
export type MyCrew = z.infer<typeof MyCrewSchema>;
export const MyCrewsSchema = z.object({ items: z.array(MyCrewSchema) });
export type MyCrews = z.infer<typeof MyCrewsSchema>;
