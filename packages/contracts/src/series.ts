import { z } from 'zod';
import { DaySchema } from './common.ts';
import { LocalTimeSchema, RunVisibilitySchema, WeekdaySchema } from './crew-basics.ts';
import {
  CreateRunSchema,
  PaceGroupInputSchema,
  paceGroupIssues,
  refineRoute,
  RunSummarySchema,
} from './runs.ts';
import { PublicUserSchema } from './users.ts';

/**
 * 정기런 (DOMAIN.md "Series"): a run template and a schedule — weekly every 1–4 weeks on 1–7 days, or monthly on
 * the 1st–4th or last given weekday; a start time in Asia/Seoul; from a date; until a date or for a count.
 */
export const SERIES_LIMITS = {
  intervalMax: 4,
  countMax: 104,
  /** Occurrences exist for this many days ahead (the rolling window the job keeps open). */
  windowDays: 28,
  durationMin: 10,
  durationMax: 24 * 60,
  meetLeadMax: 180,
  joinDeadlineLeadMax: 7 * 24 * 60,
  /** "This and following" may start at most this far ahead. */
  editAheadDays: 366,
} as const;

export const SERIES_FREQS = ['weekly', 'monthly'] as const;
export const SeriesFreqSchema = z.enum(SERIES_FREQS);
export type SeriesFreq = z.infer<typeof SeriesFreqSchema>;

/** Monthly: the 1st–4th given weekday of the month, or the last (-1). */
export const SET_POSITIONS = [1, 2, 3, 4, -1] as const;

const ScheduleFieldsSchema = z.object({
  freq: SeriesFreqSchema,
  interval: z
    .number()
    .int()
    .min(1, { message: 'schedule.interval.range' })
    .max(SERIES_LIMITS.intervalMax, { message: 'schedule.interval.range' })
    .default(1),
  byDay: z.array(WeekdaySchema).max(7, { message: 'schedule.byDay.required' }),
  setPos: z
    .number()
    .int()
    .refine((n) => (SET_POSITIONS as readonly number[]).includes(n), { message: 'schedule.setPos.range' })
    .nullish(),
  time: LocalTimeSchema,
  from: DaySchema,
  until: DaySchema.nullish(),
  count: z
    .number()
    .int()
    .min(1, { message: 'schedule.count.range' })
    .max(SERIES_LIMITS.countMax, { message: 'schedule.count.range' })
    .nullish(),
});

/** The schedule's own rules, each with a message key the web app shows in Korean. */
export function scheduleIssues(s: {
  freq: SeriesFreq;
  byDay: readonly string[];
  setPos?: number | null;
  from: string;
  until?: string | null;
  count?: number | null;
}): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (s.byDay.length === 0) issues.push({ path: 'byDay', message: 'schedule.byDay.required' });
  if (new Set(s.byDay).size !== s.byDay.length)
    issues.push({ path: 'byDay', message: 'schedule.byDay.duplicate' });
  if (s.freq === 'monthly') {
    if (s.setPos == null) issues.push({ path: 'setPos', message: 'schedule.setPos.required' });
    if (s.byDay.length > 1) issues.push({ path: 'byDay', message: 'schedule.byDay.oneForMonthly' });
  } else if (s.setPos != null) issues.push({ path: 'setPos', message: 'schedule.setPos.weeklyOnly' });
  if (s.until != null && s.count != null) issues.push({ path: 'until', message: 'schedule.end.both' });
  if (s.until != null && s.until < s.from)
    issues.push({ path: 'until', message: 'schedule.until.beforeFrom' });
  return issues;
}

export const SeriesScheduleSchema = ScheduleFieldsSchema.superRefine((value, ctx) => {
  for (const issue of scheduleIssues(value))
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});
export type SeriesScheduleInput = z.input<typeof SeriesScheduleSchema>;
export type SeriesSchedule = z.output<typeof SeriesScheduleSchema>;

const {
  startsAt: _startsAt,
  endsAt: _endsAt,
  meetAt: _meetAt,
  joinDeadline: _joinDeadline,
  // A photo belongs to one run: occurrences carry none of the template's.
  photoIds: _photoIds,
  // Co-hosts are chosen per run (on its page), not for every date of a series.
  coHostIds: _coHostIds,
  paceGroups: _paceGroups,
  ...runFields
} = CreateRunSchema.shape;

/**
 * A template's pace group (DOMAIN.md "Pace groups"): its pace and seats. Every occurrence gets the groups; a
 * pacer is named per run (on its edit), as co-hosts are — a group's `id` or `pacerId` sent here is dropped.
 */
export const TemplatePaceGroupSchema = PaceGroupInputSchema.pick({ paceSecPerKm: true, capacity: true });
export type TemplatePaceGroup = z.infer<typeof TemplatePaceGroupSchema>;

/** The run every occurrence copies: a run's fields without its times, and the durations that place them. */
const TemplateFieldsSchema = z.object({
  ...runFields,
  durationMinutes: z
    .number()
    .int()
    .min(SERIES_LIMITS.durationMin, { message: 'duration.range' })
    .max(SERIES_LIMITS.durationMax, { message: 'duration.range' }),
  /** The meet-up this long before the start (none when absent). */
  meetLeadMinutes: z.number().int().min(0).max(SERIES_LIMITS.meetLeadMax).nullish(),
  /** Joining closes this long before the start (default: the run rule, 1 hour). */
  joinDeadlineLeadMinutes: z.number().int().min(0).max(SERIES_LIMITS.joinDeadlineLeadMax).nullish(),
  crewId: z.uuid().nullish(),
  visibility: RunVisibilitySchema.default('public'),
  /** 2–6 groups whose seats sum to `capacity`, as a run's; none (null or absent): one group for all. */
  paceGroups: z.array(TemplatePaceGroupSchema).nullish(),
});

function refineTemplatePaceGroups(
  value: { paceGroups?: TemplatePaceGroup[] | null | undefined; capacity?: number | undefined },
  ctx: z.RefinementCtx,
) {
  for (const issue of paceGroupIssues({ paceGroups: value.paceGroups, capacity: value.capacity }))
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
}

export const SeriesTemplateSchema = TemplateFieldsSchema.superRefine(refineRoute)
  .superRefine(refineTemplatePaceGroups)
  .superRefine((v, ctx) => {
    if (v.visibility === 'crew' && !v.crewId)
      ctx.addIssue({ code: 'custom', path: ['visibility'], message: 'visibility.crewRequired' });
  });
export type SeriesTemplateInput = z.input<typeof SeriesTemplateSchema>;
export type SeriesTemplate = z.output<typeof SeriesTemplateSchema>;

/** `POST /api/series`: a template and a schedule, or "run again" — a run the caller hosts and a schedule. */
export const CreateSeriesSchema = z
  .object({
    template: SeriesTemplateSchema.optional(),
    fromRunId: z.uuid({ message: 'runId.invalid' }).optional(),
    schedule: SeriesScheduleSchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.template === undefined) === (v.fromRunId === undefined))
      ctx.addIssue({ code: 'custom', path: ['template'], message: 'series.templateOrRun' });
  });
export type CreateSeries = z.input<typeof CreateSeriesSchema>;

/** "This and following": template changes and/or a new start time, from a date on. */
export const UpdateSeriesSchema = z
  .object({
    from: DaySchema,
    changes: TemplateFieldsSchema.omit({ crewId: true })
      .partial()
      .extend({ time: LocalTimeSchema.optional() })
      .strict()
      .superRefine(refineRoute),
  })
  .strict();
export type UpdateSeries = z.input<typeof UpdateSeriesSchema>;

/** `DELETE /api/runs/:runId` may say why (an occurrence cancelled for rain: "비 예보"); its runners are told. */
export const CancelRunSchema = z
  .object({ reason: z.string().trim().max(200, { message: 'reason.tooLong' }).optional() })
  .strict();
export type CancelRun = z.infer<typeof CancelRunSchema>;

export const SeriesSchema = z.object({
  id: z.uuid(),
  host: PublicUserSchema.pick({ id: true, nickname: true, avatar: true }),
  crewId: z.uuid().nullable(),
  /** The crew it belongs to (its name links the page to the crew's). */
  crew: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  schedule: z.object({
    freq: SeriesFreqSchema,
    interval: z.number().int(),
    byDay: z.array(WeekdaySchema),
    setPos: z.number().int().nullable(),
    time: z.string(),
    from: z.string(),
    until: z.string().nullable(),
    count: z.number().int().nullable(),
  }),
  template: z.object({
    title: z.string(),
    description: z.string(),
    placeName: z.string(),
    capacity: z.number().int(),
    theme: z.string(),
    region: z.string(),
    paceSecPerKm: z.number().int().nullable(),
    durationMinutes: z.number().int(),
    visibility: RunVisibilitySchema,
    /** 여성 전용: every run it makes is (labelled as such on its page). */
    womenOnly: z.boolean(),
    /** The pace groups every run it makes has, fastest first (empty: none). */
    paceGroups: z.array(TemplatePaceGroupSchema),
  }),
  ended: z.boolean(),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The caller may edit and end it (its host, or the crew's staff). */
  canManage: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Series = z.infer<typeof SeriesSchema>;

export const CreatedSeriesSchema = z.object({
  series: SeriesSchema,
  occurrences: z.array(RunSummarySchema),
});
export type CreatedSeries = z.infer<typeof CreatedSeriesSchema>;

export const SeriesPageSchema = z.object({
  series: SeriesSchema,
  upcoming: z.array(RunSummarySchema),
});
export type SeriesPage = z.infer<typeof SeriesPageSchema>;
