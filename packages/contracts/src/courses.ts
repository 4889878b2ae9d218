import { z } from 'zod';
import { CursorSchema, csv } from './common.ts';
import { RegionSchema, THEMES, REGIONS, ThemeSchema } from './domain.ts';
import { LatLngSchema, MeetingPlaceSchema, refineRoute, RouteSchema, SegmentStartsSchema } from './runs.ts';
import { ImageSchema, PublicUserSchema } from './users.ts';

export const COURSE_LIMITS = {
  titleMin: 2,
  titleMax: 40,
  descriptionMax: 2000,
  noteMax: 100,
  photosMin: 1,
  photosMax: 5,
  /** Pace used for the estimated time when the author gives none: 6'30"/km, an easy jog. */
  defaultPaceSecPerKm: 390,
} as const;

const note = z.string().trim().max(COURSE_LIMITS.noteMax, { message: 'note.tooLong' });

const CourseFieldsSchema = z.object({
  title: z
    .string()
    .trim()
    .min(COURSE_LIMITS.titleMin, { message: 'title.tooShort' })
    .max(COURSE_LIMITS.titleMax, { message: 'title.tooLong' }),
  description: z.string().trim().max(COURSE_LIMITS.descriptionMax, { message: 'description.tooLong' }),
  route: RouteSchema,
  segmentStarts: SegmentStartsSchema.optional(),
  region: RegionSchema,
  theme: ThemeSchema,
  startPoint: MeetingPlaceSchema.nullish(),
  paceSecPerKm: z.number().int().min(120).max(1200).nullish(),
  parking: note.nullish(),
  baggage: note.nullish(),
  toilets: note.nullish(),
  water: note.nullish(),
  photoIds: z
    .array(z.uuid())
    .min(COURSE_LIMITS.photosMin, { message: 'photos.required' })
    .max(COURSE_LIMITS.photosMax, { message: 'photos.tooMany' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'photos.duplicate' }),
});

// The default belongs to creation only: an edit that leaves the description out keeps it.
export const CreateCourseSchema = CourseFieldsSchema.extend({
  description: CourseFieldsSchema.shape.description.default(''),
  segmentStarts: SegmentStartsSchema.default([]),
}).superRefine(refineRoute);
export type CreateCourse = z.input<typeof CreateCourseSchema>;
export const UpdateCourseSchema = CourseFieldsSchema.partial().strict().superRefine(refineRoute);
export type UpdateCourse = z.infer<typeof UpdateCourseSchema>;

export const RatingSummarySchema = z.object({ average: z.number(), count: z.number().int() });

export const CourseAuthorSchema = PublicUserSchema;

const CourseCommonSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  region: RegionSchema,
  theme: ThemeSchema,
  startPoint: MeetingPlaceSchema.nullable(),
  paceSecPerKm: z.number().int().nullable(),
  parking: z.string().nullable(),
  baggage: z.string().nullable(),
  toilets: z.string().nullable(),
  water: z.string().nullable(),
  distanceKm: z.number(),
  estimatedMinutes: z.number().int(),
  rating: RatingSummarySchema,
  views: z.number().int(),
  bookmarkCount: z.number().int(),
  commentCount: z.number().int(),
  author: CourseAuthorSchema,
  photos: z.array(ImageSchema),
  bookmarked: z.boolean(),
  myRating: z.number().int().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});

export const CourseSummarySchema = CourseCommonSchema;
export type CourseSummary = z.infer<typeof CourseSummarySchema>;

export const CourseSchema = CourseCommonSchema.extend({
  route: z.array(LatLngSchema),
  /** Where each piece after the first starts (empty: one line). */
  segmentStarts: z.array(z.number().int()),
  /** How many ratings gave 1, 2, 3, 4, 5 stars (index 0 = 1 star). */
  histogram: z.array(z.number().int()).length(5),
});
export type Course = z.infer<typeof CourseSchema>;

export const COURSE_SORTS = ['best', 'newest', 'views'] as const;

export const ListCoursesQuerySchema = z
  .object({
    region: csv(REGIONS).optional(),
    theme: csv(THEMES).optional(),
    authorId: z.uuid().optional(),
    /** Only the caller's bookmarked courses (signed in). */
    bookmarked: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    sort: z.enum(COURSE_SORTS).default('best'),
    cursor: CursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type ListCoursesQuery = z.input<typeof ListCoursesQuerySchema>;

export const CoursePageSchema = z.object({
  items: z.array(CourseSummarySchema),
  nextCursor: z.string().nullable(),
});
export type CoursePage = z.infer<typeof CoursePageSchema>;

export const RateCourseSchema = z.object({
  stars: z
    .number({ message: 'stars.range' })
    .int({ message: 'stars.range' })
    .min(1, { message: 'stars.range' })
    .max(5, { message: 'stars.range' }),
});
export const RatingResultSchema = RatingSummarySchema.extend({ mine: z.number().int().nullable() });
export type RatingResult = z.infer<typeof RatingResultSchema>;

/** Minutes a route takes at a pace, rounded up to the minute. */
export function estimatedMinutes(distanceKm: number, paceSecPerKm: number | null | undefined): number {
  return Math.ceil((distanceKm * (paceSecPerKm ?? COURSE_LIMITS.defaultPaceSecPerKm)) / 60);
}

/**
 * "Best" score: a Bayesian average that pulls courses with few ratings toward a prior of 3.5 stars as if
 * they had 5 extra ratings, plus a light bonus for bookmarks and views (log-scaled, so neither can buy a rank).
 */
export const BEST_SCORE = { prior: 3.5, priorWeight: 5, bookmarkWeight: 0.1, viewWeight: 0.05 } as const;
export function bestScore(ratingSum: number, ratingCount: number, bookmarks: number, views: number): number {
  const { prior, priorWeight, bookmarkWeight, viewWeight } = BEST_SCORE;
  const bayes = (prior * priorWeight + ratingSum) / (priorWeight + ratingCount);
  return bayes + bookmarkWeight * Math.log10(1 + bookmarks) + viewWeight * Math.log10(1 + views);
}
