import { z } from 'zod';
import { CursorSchema, DaySchema } from './common.ts';
import { RegionSchema, ThemeSchema, TimeOfDaySchema } from './domain.ts';
import { RunSummarySchema } from './runs.ts';

const Iso = z.iso.datetime({ offset: true });

/**
 * `GET /api/me/runs`: the runs I host and/or joined (joined, not waitlisted), cancelled ones included.
 * `from`/`to` are days in Asia/Seoul, inclusive (a month calendar asks for its visible weeks).
 */
export const MeRunsQuerySchema = z
  .object({
    role: z.enum(['host', 'participant']).optional(),
    from: DaySchema.optional(),
    to: DaySchema.optional(),
    /** asc: soonest first (calendar, upcoming); desc: latest first (history). */
    order: z.enum(['asc', 'desc']).default('desc'),
    cursor: CursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type MeRunsQuery = z.infer<typeof MeRunsQuerySchema>;

export const MyRunSchema = RunSummarySchema.extend({
  role: z.enum(['host', 'participant']),
  /** The host's attendance record for me: true present, false absent, null not taken (or I am the host). */
  attended: z.boolean().nullable(),
  /** Whether I have reviewed this run's host (participants only). */
  reviewed: z.boolean(),
});
export type MyRun = z.infer<typeof MyRunSchema>;

export const MyRunPageSchema = z.object({
  items: z.array(MyRunSchema),
  nextCursor: z.string().nullable(),
});
export type MyRunPage = z.infer<typeof MyRunPageSchema>;

/**
 * `GET /api/me/stats`: runs that have ended, were not cancelled, and where I was not marked absent —
 * hosted and joined alike. `months` covers the last 12 months (Asia/Seoul), oldest first, zeros included.
 */
export const MyStatsSchema = z.object({
  totals: z.object({
    runs: z.number().int(),
    hosted: z.number().int(),
    km: z.number(),
    minutes: z.number().int(),
  }),
  months: z.array(
    z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), runs: z.number().int(), km: z.number() }),
  ),
  themes: z.array(z.object({ theme: ThemeSchema, runs: z.number().int() })),
  regions: z.array(z.object({ region: RegionSchema, runs: z.number().int() })),
  timesOfDay: z.array(z.object({ timeOfDay: TimeOfDaySchema, runs: z.number().int() })),
});
export type MyStats = z.infer<typeof MyStatsSchema>;

/**
 * Badges (issue 6). Runs count when ended, not cancelled, and I was not marked absent; "hosted" counts
 * ended, not cancelled runs I hosted. Awarded by the server, once (the primary key decides).
 */
export const BADGES = [
  'first_run', // 1 run
  'runs_5',
  'runs_25',
  'runs_100',
  'first_hosted', // 1 hosted run
  'hosted_10',
  'km_100', // 100 km run together
  'all_themes', // a run of every theme
  'dawn_5', // 5 runs at dawn (time of day "dawn")
  'night_5', // 5 runs at night (time of day "night" or "late_night")
  'no_show_free_10', // 10 runs marked present in a row, never absent in between
  'top_host', // 10 or more positive host reviews and none negative in the last 10
] as const;
export const BadgeCodeSchema = z.enum(BADGES);
export type BadgeCode = z.infer<typeof BadgeCodeSchema>;

export const BadgeSchema = z.object({
  code: BadgeCodeSchema,
  awardedAt: Iso.nullable(),
  /** Progress towards it (current ≤ target), for badges not yet earned; null once earned. */
  progress: z.object({ current: z.number().int(), target: z.number().int() }).nullable(),
});
export type Badge = z.infer<typeof BadgeSchema>;

/** `GET /api/me/badges`: every badge, earned or not, in BADGES order. */
export const BadgeListSchema = z.object({ items: z.array(BadgeSchema) });
export type BadgeList = z.infer<typeof BadgeListSchema>;

/** Earned badges as anyone sees them on a profile. */
export const EarnedBadgeSchema = z.object({ code: BadgeCodeSchema, awardedAt: Iso });
export type EarnedBadge = z.infer<typeof EarnedBadgeSchema>;
