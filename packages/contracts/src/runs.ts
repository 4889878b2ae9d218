import { z } from 'zod';
import { CursorSchema, csv, DaySchema } from './common.ts';
import {
  DISTANCE_BUCKETS,
  DistanceBucketSchema,
  REGIONS,
  RegionSchema,
  THEMES,
  ThemeSchema,
  TIMES_OF_DAY,
  TimeOfDaySchema,
} from './domain.ts';
import { WeatherAlertSchema } from './weather.ts';
import { CREW_LIMITS, RunVisibilitySchema } from './crew-basics.ts';
import { ROUTE_PLAUSIBLE, routeIssues } from './geo.ts';
import { MyOfferSchema } from './seat-offers.ts';
import { ImageSchema, PublicUserSchema } from './users.ts';

export const RUN_LIMITS = {
  titleMin: 2,
  titleMax: 40,
  descriptionMax: 2000,
  noteMax: 100,
  placeNameMax: 60,
  capacityMin: 2,
  capacityMax: 100,
  routeMin: 2,
  routeMax: 5000,
  photosMax: 5,
  /** Start at least this long after now. */
  minLeadMs: 60 * 60 * 1000,
  /** Default join deadline: this long before start. */
  joinDeadlineLeadMs: 60 * 60 * 1000,
  paceMin: 120,
  paceMax: 1200,
  /** Runners a card shows as "who's going" avatars. */
  goingShown: 5,
} as const;

const Iso = z.iso.datetime({ offset: true, message: 'datetime.invalid' });
export const LatSchema = z.number({ message: 'lat.invalid' }).min(-90).max(90);
export const LngSchema = z.number({ message: 'lng.invalid' }).min(-180).max(180);
export const LatLngSchema = z.tuple([LatSchema, LngSchema]);
export type LatLng = z.infer<typeof LatLngSchema>;

export const RouteSchema = z
  .array(LatLngSchema)
  .min(RUN_LIMITS.routeMin, { message: 'route.tooShort' })
  .max(RUN_LIMITS.routeMax, { message: 'route.tooLong' });

/** Index of the first point of each piece after the first, for a track recorded in pieces. */
export const SegmentStartsSchema = z
  .array(z.number().int().min(1), { message: 'segmentStarts.invalid' })
  .max(ROUTE_PLAUSIBLE.segmentsMax, { message: 'segmentStarts.invalid' });

/**
 * The shared route rule of runs and courses (create, edit, import): pieces that fit the route, and a route
 * a group can run (in Korea, ≥ 100 m, ≤ 200 km). An edit that sends no route is checked by the service.
 */
export function refineRoute(
  value: { route?: [number, number][] | undefined; segmentStarts?: number[] | undefined },
  ctx: z.RefinementCtx,
) {
  if (!value.route) return;
  for (const issue of routeIssues(value.route, value.segmentStarts ?? []))
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
}

export const MeetingPlaceSchema = z.object({
  name: z.string().trim().min(1, { message: 'place.required' }).max(RUN_LIMITS.placeNameMax),
  lat: LatSchema,
  lng: LngSchema,
});
export type MeetingPlace = z.infer<typeof MeetingPlaceSchema>;

export const PACE_GROUP_LIMITS = { min: 2, max: 6, capacityMin: 2 } as const;

/** One pace group as the host writes it (an edit names the groups it keeps by `id`). */
export const PaceGroupInputSchema = z.object({
  id: z.uuid().optional(),
  paceSecPerKm: z
    .number()
    .int()
    .min(RUN_LIMITS.paceMin, { message: 'paceGroups.pace.range' })
    .max(RUN_LIMITS.paceMax, { message: 'paceGroups.pace.range' }),
  capacity: z
    .number()
    .int()
    .min(PACE_GROUP_LIMITS.capacityMin, { message: 'paceGroups.capacity.range' })
    .max(RUN_LIMITS.capacityMax, { message: 'paceGroups.capacity.range' }),
  /** The group's pacer: the host, a co-host or a participant of the run. */
  pacerId: z.uuid().nullish(),
});
export type PaceGroupInput = z.infer<typeof PaceGroupInputSchema>;

/**
 * The pace groups' own rules (on create, and on an edit's merged values in the service): 2–6 groups of distinct
 * paces, distinct ids, and the run's capacity is the sum of theirs (within 2–100).
 */
export function paceGroupIssues(run: {
  paceGroups?: PaceGroupInput[] | null;
  capacity?: number;
}): { path: string; message: string }[] {
  const groups = run.paceGroups;
  if (!groups) return [];
  const issues: { path: string; message: string }[] = [];
  if (groups.length < PACE_GROUP_LIMITS.min || groups.length > PACE_GROUP_LIMITS.max)
    issues.push({ path: 'paceGroups', message: 'paceGroups.count' });
  if (new Set(groups.map((g) => g.paceSecPerKm)).size !== groups.length)
    issues.push({ path: 'paceGroups', message: 'paceGroups.pace.duplicate' });
  const ids = groups.flatMap((g) => (g.id ? [g.id] : []));
  if (new Set(ids).size !== ids.length)
    issues.push({ path: 'paceGroups', message: 'paceGroups.id.duplicate' });
  const sum = groups.reduce((n, g) => n + g.capacity, 0);
  if (sum < RUN_LIMITS.capacityMin || sum > RUN_LIMITS.capacityMax)
    issues.push({ path: 'paceGroups', message: 'paceGroups.capacity.sum' });
  else if (run.capacity !== undefined && run.capacity !== sum)
    issues.push({ path: 'capacity', message: 'capacity.paceGroupsSum' });
  return issues;
}

function refinePaceGroups(value: Parameters<typeof paceGroupIssues>[0], ctx: z.RefinementCtx) {
  for (const issue of paceGroupIssues(value))
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
}

const note = z.string().trim().max(RUN_LIMITS.noteMax, { message: 'note.tooLong' });

const RunFieldsSchema = z.object({
  title: z
    .string()
    .trim()
    .min(RUN_LIMITS.titleMin, { message: 'title.tooShort' })
    .max(RUN_LIMITS.titleMax, { message: 'title.tooLong' }),
  description: z.string().trim().max(RUN_LIMITS.descriptionMax, { message: 'description.tooLong' }),
  startsAt: Iso,
  endsAt: Iso,
  meetAt: Iso.nullish(),
  joinDeadline: Iso.nullish(),
  meetingPlace: MeetingPlaceSchema,
  route: RouteSchema,
  segmentStarts: SegmentStartsSchema.optional(),
  capacity: z
    .number()
    .int()
    .min(RUN_LIMITS.capacityMin, { message: 'capacity.range' })
    .max(RUN_LIMITS.capacityMax, { message: 'capacity.range' }),
  theme: ThemeSchema,
  region: RegionSchema,
  paceSecPerKm: z.number().int().min(RUN_LIMITS.paceMin).max(RUN_LIMITS.paceMax).nullish(),
  parking: note.nullish(),
  baggage: note.nullish(),
  photoIds: z
    .array(z.uuid())
    .max(RUN_LIMITS.photosMax, { message: 'photos.tooMany' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'photos.duplicate' }),
  /** A crew run (the caller must be its staff); null: no crew. */
  crewId: z.uuid().nullable(),
  /** `crew`: members only (needs a crew). */
  visibility: RunVisibilitySchema,
  /** A public crew run's seats for non-members (1 … capacity − 1); null: no cap. */
  guestSeats: z.number().int().min(1, { message: 'guestSeats.range' }).nullable(),
  /** Co-hosts (≤ 5, distinct, not the host): they hold seats and help run it. */
  coHostIds: z
    .array(z.uuid())
    .max(CREW_LIMITS.cohostsMax, { message: 'coHostIds.tooMany' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'coHostIds.duplicate' }),
  /** The attendance rate (0–100) a runner needs to join; runners without a rate yet may always join. */
  minAttendanceRate: z
    .number()
    .int()
    .min(0, { message: 'minAttendanceRate.range' })
    .max(100, { message: 'minAttendanceRate.range' })
    .nullable(),
  /** 여성 전용: only runners whose (private) profile says female join; its host and co-hosts too. */
  womenOnly: z.boolean(),
  /**
   * Pace groups (DOMAIN.md "Pace groups"): 2–6, distinct paces, each ≥ 2 seats; `capacity` must be their sum.
   * On an edit, a group with `id` is kept (its runners stay), one without is added, one left out is removed
   * (only while nobody is in it).
   */
  paceGroups: z.array(PaceGroupInputSchema).nullable(),
});

/** Order of times: meet-up ≤ start < end, deadline ≤ start. Checked on create and on the merged edit. */
export function runTimeIssues(run: {
  startsAt: string;
  endsAt: string;
  meetAt?: string | null;
  joinDeadline?: string | null;
}): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const start = Date.parse(run.startsAt);
  if (Date.parse(run.endsAt) <= start) issues.push({ path: 'endsAt', message: 'endsAt.beforeStart' });
  if (Date.parse(run.endsAt) - start > 24 * 3600_000)
    issues.push({ path: 'endsAt', message: 'endsAt.tooLong' });
  if (run.meetAt && Date.parse(run.meetAt) > start)
    issues.push({ path: 'meetAt', message: 'meetAt.afterStart' });
  if (run.joinDeadline && Date.parse(run.joinDeadline) > start) {
    issues.push({ path: 'joinDeadline', message: 'joinDeadline.afterStart' });
  }
  return issues;
}

function refineTimes(value: Parameters<typeof runTimeIssues>[0], ctx: z.RefinementCtx) {
  for (const issue of runTimeIssues(value))
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
}

/**
 * The crew fields' own rules (on create, and on an edit's merged values in the service): members-only needs
 * a crew; guest seats belong to a public crew run and leave the members at least one seat.
 */
export function crewRunIssues(run: {
  crewId?: string | null;
  visibility?: 'public' | 'crew';
  guestSeats?: number | null;
  capacity?: number;
}): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (run.visibility === 'crew' && !run.crewId)
    issues.push({ path: 'visibility', message: 'visibility.needsCrew' });
  if (run.guestSeats != null) {
    if (!run.crewId || run.visibility === 'crew')
      issues.push({ path: 'guestSeats', message: 'guestSeats.publicCrewRunOnly' });
    else if (run.capacity !== undefined && run.guestSeats > run.capacity - 1)
      issues.push({ path: 'guestSeats', message: 'guestSeats.range' });
  }
  return issues;
}

function refineCrew(value: Parameters<typeof crewRunIssues>[0], ctx: z.RefinementCtx) {
  for (const issue of crewRunIssues(value))
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
}

// Defaults belong to creation only: an edit that leaves a field out must not reset it (zod 4's .partial()
// keeps defaults, which once wiped descriptions and photos on every edit).
export const CreateRunSchema = RunFieldsSchema.extend({
  description: RunFieldsSchema.shape.description.default(''),
  photoIds: RunFieldsSchema.shape.photoIds.default([]),
  segmentStarts: SegmentStartsSchema.default([]),
  crewId: RunFieldsSchema.shape.crewId.default(null),
  visibility: RunFieldsSchema.shape.visibility.default('public'),
  guestSeats: RunFieldsSchema.shape.guestSeats.default(null),
  coHostIds: RunFieldsSchema.shape.coHostIds.default([]),
  minAttendanceRate: RunFieldsSchema.shape.minAttendanceRate.default(null),
  womenOnly: RunFieldsSchema.shape.womenOnly.default(false),
  paceGroups: RunFieldsSchema.shape.paceGroups.default(null),
})
  .superRefine(refineTimes)
  .superRefine(refineRoute)
  .superRefine(refineCrew)
  .superRefine(refinePaceGroups);
export type CreateRun = z.input<typeof CreateRunSchema>;
export type CreateRunParsed = z.output<typeof CreateRunSchema>;

/** An edit sends only what changes; the merged run must still satisfy the create rules. */
export const UpdateRunSchema = RunFieldsSchema.partial().strict().superRefine(refineRoute);
export type UpdateRun = z.infer<typeof UpdateRunSchema>;

export const MY_STATUSES = ['joined', 'waitlisted'] as const;
export const MyStatusSchema = z.enum(MY_STATUSES).nullable();

export const RunHostSchema = PublicUserSchema.extend({ runsHosted: z.number().int() });

/** What the caller can do right now, and why not: the page explains the state instead of guessing it. */
export const JOIN_STATES = ['open', 'full', 'closed', 'started', 'cancelled'] as const;
export const JoinStateSchema = z.enum(JOIN_STATES);

export const ParticipantSchema = PublicUserSchema.pick({
  id: true,
  nickname: true,
  avatar: true,
  runningLevel: true,
});
export type Participant = z.infer<typeof ParticipantSchema>;

const RunCommonSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  startsAt: Iso,
  endsAt: Iso,
  meetAt: Iso.nullable(),
  joinDeadline: Iso,
  meetingPlace: MeetingPlaceSchema,
  capacity: z.number().int(),
  theme: ThemeSchema,
  region: RegionSchema,
  timeOfDay: TimeOfDaySchema,
  distanceBucket: DistanceBucketSchema,
  paceSecPerKm: z.number().int().nullable(),
  parking: z.string().nullable(),
  baggage: z.string().nullable(),
  distanceKm: z.number(),
  participantCount: z.number().int(),
  waitlistCount: z.number().int(),
  /** Comments and replies (deleted ones excluded). */
  commentCount: z.number().int(),
  host: RunHostSchema,
  photos: z.array(ImageSchema),
  myStatus: MyStatusSchema,
  /** 1-based place on the waitlist when myStatus is "waitlisted". */
  waitlistPosition: z.number().int().nullable(),
  bookmarked: z.boolean(),
  /** The host removed the caller from this run: they may not join it again (false for guests). */
  removedByHost: z.boolean(),
  joinState: JoinStateSchema,
  createdAt: Iso,
  /** The crew the run belongs to, or null. */
  crew: z.object({ id: z.uuid(), name: z.string(), logo: ImageSchema.nullable() }).nullable(),
  visibility: RunVisibilitySchema,
  /** A public crew run's cap on non-members' seats; null: no cap. */
  guestSeats: z.number().int().nullable(),
  /** Seated non-members of the run's crew (0 for a run of no crew). */
  guestCount: z.number().int(),
  /** The attendance rate a runner needs to join (null: none); newcomers without a rate may always join. */
  minAttendanceRate: z.number().int().nullable(),
  coHosts: z.array(ParticipantSchema),
  /** The caller may edit it, remove runners and take attendance: host, co-host or staff of its crew. */
  canManage: z.boolean(),
  /** The 정기런 this run is an occurrence of, and its date (Asia/Seoul). */
  seriesId: z.uuid().nullable(),
  occurrenceDate: z.string().nullable(),
  /** Why it was cancelled (told to its runners), when cancelled with a reason. */
  cancelReason: z.string().nullable(),
  /** 여성 전용 (labelled wherever the run is shown). */
  womenOnly: z.boolean(),
  /** Who's going: the first seated runners (host first), at most `RUN_LIMITS.goingShown`; the rest is
   * `participantCount` minus these. */
  going: z.array(ParticipantSchema),
  /** Its pace groups' paces (s/km), fastest first, for a card ("5'00\" · 6'00\" · 7'00\""); empty: none. */
  groupPaces: z.array(z.number().int()),
});

/** A run in lists: everything but the route. */
export const RunSummarySchema = RunCommonSchema.extend({
  /**
   * Warnings of the forecast at its start (폭염, 비, 한파, 강풍, 미세먼지), from what the server has already asked
   * 기상청 — a list never waits on it. Only on `GET /api/runs`, and only when there is one.
   */
  weatherAlerts: z.array(WeatherAlertSchema).optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** A pace group on a run's page: its seats taken (`participantCount`) and its own waitlist. */
export const PaceGroupSchema = z.object({
  id: z.uuid(),
  paceSecPerKm: z.number().int(),
  capacity: z.number().int(),
  participantCount: z.number().int(),
  waitlistCount: z.number().int(),
  pacer: ParticipantSchema.nullable(),
});
export type PaceGroup = z.infer<typeof PaceGroupSchema>;

/** A seated runner on a run's page, with the pace group they run in (null: the run has no groups). */
export const RunParticipantSchema = ParticipantSchema.extend({ paceGroupId: z.uuid().nullable().optional() });
export type RunParticipant = z.infer<typeof RunParticipantSchema>;

export const RunSchema = RunCommonSchema.extend({
  route: z.array(LatLngSchema),
  /** Where each piece after the first starts (empty: one line). */
  segmentStarts: z.array(z.number().int()),
  participants: z.array(RunParticipantSchema),
  /** The run's pace groups, fastest first (empty: one group for all). */
  paceGroups: z.array(PaceGroupSchema),
  /** The caller's pace group (seated or waiting in), null otherwise or for guests. */
  myPaceGroupId: z.uuid().nullable(),
  /** The caller's seat offer (issue 17): on `GET /api/runs/:runId` for a signed-in caller; absent for guests. */
  myOffer: MyOfferSchema.nullable().optional(),
});
export type Run = z.infer<typeof RunSchema>;

export const RUN_SORTS = ['soonest', 'newest', 'popular', 'recommended'] as const;

/**
 * `pace=300-360`: runs whose pace (s/km) lies in [min, max], both within the pace limits and min ≤ max; a run
 * without a pace never matches a pace filter.
 */
export const RunPaceRangeSchema = z
  .string()
  .regex(/^\d{1,4}-\d{1,4}$/, { message: 'pace.invalid' })
  .transform((v) => v.split('-').map(Number) as [number, number])
  .refine(([min, max]) => min >= RUN_LIMITS.paceMin && max <= RUN_LIMITS.paceMax && min <= max, {
    message: 'pace.invalid',
  });

/** A page of the list; a map (with `bbox`) may ask for more at once: it shows pins, not a page. */
export const RUNS_PAGE = { limitMax: 50, bboxLimitMax: 200 } as const;

const NUMBER = String.raw`-?\d{1,3}(?:\.\d{1,15})?`;

/**
 * `bbox=south,west,north,east` in degrees (WGS84), edges included. South ≤ north; a box across the
 * antimeridian (west > east) is refused: Korea never needs one, and a client that does sends two boxes.
 */
export const BboxSchema = z
  .string()
  .max(100, { message: 'bbox.invalid' })
  .regex(new RegExp(`^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$`), { message: 'bbox.invalid' })
  .transform((v) => v.split(',').map(Number))
  .pipe(z.tuple([LatSchema, LngSchema, LatSchema, LngSchema], { message: 'bbox.invalid' }))
  .refine(([south, , north]) => south <= north, { message: 'bbox.southAboveNorth' })
  .refine(([, west, , east]) => west <= east, { message: 'bbox.antimeridian' })
  .transform(([south, west, north, east]) => ({ south, west, north, east }));
export type Bbox = z.output<typeof BboxSchema>;

export const ListRunsQuerySchema = z
  .object({
    region: csv(REGIONS).optional(),
    theme: csv(THEMES).optional(),
    timeOfDay: csv(TIMES_OF_DAY).optional(),
    distance: csv(DISTANCE_BUCKETS).optional(),
    from: DaySchema.optional(),
    to: DaySchema.optional(),
    q: z.string().trim().max(50).optional(),
    near: z
      .string()
      .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, { message: 'near.invalid' })
      .transform((v) => v.split(',').map(Number) as [number, number])
      .pipe(LatLngSchema)
      .optional(),
    radiusKm: z.coerce.number().min(0.1).max(100).default(5),
    /** Only runs whose meeting place is inside the box (a map's visible area); see BboxSchema. */
    bbox: BboxSchema.optional(),
    includeClosed: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .default(false),
    hostId: z.uuid().optional(),
    /** Only the runs of this crew (members-only ones for its members alone). */
    crewId: z.uuid().optional(),
    /** Only 여성 전용 runs. */
    womenOnly: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** Only the caller's bookmarked runs (signed in). */
    bookmarked: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** Pace range in s/km, `min-max` (RunPaceRangeSchema). */
    pace: RunPaceRangeSchema.optional(),
    /**
     * "내 조건": the signed-in caller's preferred regions, distance and times of day, for the dimensions the
     * query leaves open (an explicit `region`, `distance` or `timeOfDay` wins). Ignored for a guest and for a
     * caller without preferences.
     */
    forMe: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /**
     * `recommended` (추천): runs of the caller's crews, then preference matches, then closeness to `near`
     * (ranked, not cut at `radiusKm`), each tie by start time; the score rule is in the runs module.
     */
    sort: z.enum(RUN_SORTS).default('soonest'),
    cursor: CursorSchema.optional(),
    /** Up to RUNS_PAGE.limitMax; with `bbox`, up to RUNS_PAGE.bboxLimitMax (a map's pins). */
    limit: z.coerce.number().int().min(1).max(RUNS_PAGE.bboxLimitMax).default(20),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (!q.bbox && q.limit > RUNS_PAGE.limitMax)
      ctx.addIssue({
        code: 'too_big',
        origin: 'number',
        maximum: RUNS_PAGE.limitMax,
        inclusive: true,
        path: ['limit'],
        message: `Too big: expected number to be <=${RUNS_PAGE.limitMax}`,
      });
  });
export type ListRunsQuery = z.input<typeof ListRunsQuerySchema>;

export const RunPageSchema = z.object({
  items: z.array(RunSummarySchema),
  nextCursor: z.string().nullable(),
});
export type RunPage = z.infer<typeof RunPageSchema>;

export const JoinResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('joined') }),
  z.object({ status: z.literal('waitlisted'), position: z.number().int() }),
]);
export type JoinResult = z.infer<typeof JoinResultSchema>;

/**
 * Joining a run: a run with pace groups needs the group (400 without it). A full group is no error: like a full
 * run, the runner is waitlisted — in that group (`{status:'waitlisted', position}`, the place in its waitlist).
 */
export const JoinRunSchema = z.object({ paceGroupId: z.uuid().optional() }).strict();
export type JoinRun = z.infer<typeof JoinRunSchema>;

/**
 * Moving a runner to another pace group (before the start): the host or a co-host moves anyone, the runner
 * themself; the target group needs a free seat for a seated runner (409 PACE_GROUP_FULL: seats are never
 * oversold); a waitlisted runner moved into a full group waits at the end of its waitlist.
 */
export const MovePaceGroupSchema = z.object({ paceGroupId: z.uuid() }).strict();
export type MovePaceGroup = z.infer<typeof MovePaceGroupSchema>;

export const RemoveParticipantSchema = z.object({
  reason: z.string().trim().min(1, { message: 'reason.required' }).max(200, { message: 'reason.tooLong' }),
});

export const RegionSuggestionSchema = z.object({ region: RegionSchema });
