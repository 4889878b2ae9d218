import {
  COURSE_LIMITS,
  CreateCourseSchema,
  type Course,
  type CreateCourse,
  type Image,
  type LatLng,
  type Region,
  type Theme,
  type UpdateCourse,
} from '@erun/contracts';
import { z } from 'zod';
import { PACE_SECONDS_MESSAGE, paceOf, paceSecondsInvalid } from '../../../lib/pace.ts';

/** What the three steps edit. Inputs stay strings until the payload is built. */
export type CourseFormValues = {
  route: LatLng[];
  /** Where each piece of a track recorded in pieces starts (after the first). */
  segmentStarts: number[];
  /** The start point's pin; null: the route's first point. */
  startPin: LatLng | null;
  /** The start point's name; empty: no start point. */
  startName: string;
  region: Region | '';
  title: string;
  description: string;
  theme: Theme | '';
  paceMin: string;
  paceSec: string;
  parking: string;
  baggage: string;
  toilets: string;
  water: string;
  photos: Image[];
};

export type CourseFormField = keyof CourseFormValues;
export type CourseFormParsed = z.output<typeof CreateCourseSchema>;

export const EMPTY_COURSE_FORM: CourseFormValues = {
  route: [],
  segmentStarts: [],
  startPin: null,
  startName: '',
  region: '',
  title: '',
  description: '',
  theme: '',
  paceMin: '',
  paceSec: '',
  parking: '',
  baggage: '',
  toilets: '',
  water: '',
  photos: [],
};

export const COURSE_FORM_STEPS = ['route', 'details', 'photos'] as const;
export type CourseFormStep = (typeof COURSE_FORM_STEPS)[number];

export const COURSE_STEP_FIELDS: Record<CourseFormStep, readonly CourseFormField[]> = {
  route: ['route', 'startName', 'region'],
  details: ['title', 'theme', 'paceMin', 'parking', 'baggage', 'toilets', 'water', 'description'],
  photos: ['photos'],
};

/** Payload keys the form edits as other fields; issues about them (client or server) land there. */
export const COURSE_ISSUE_FIELDS: Partial<Record<string, CourseFormField>> = {
  startPoint: 'startName',
  paceSecPerKm: 'paceMin',
  photoIds: 'photos',
};

/** Messages for zod's generic issues on fields whose contract message is not specific. */
export const COURSE_FIELD_MESSAGES: Partial<Record<CourseFormField, string>> = {
  paceMin: 'validation.pace.range',
  theme: 'validation.theme.required',
  region: 'validation.region.required',
  title: 'validation.courseTitle.tooShort',
  photos: 'validation.photos.required',
};

/** The pace the estimated time is computed at: the form's when valid, else none (the server's default). */
export function paceOfForm(values: Pick<CourseFormValues, 'paceMin' | 'paceSec'>): number | null {
  const pace = paceOf(values.paceMin, values.paceSec);
  return pace !== null && Number.isFinite(pace) && pace >= 120 && pace <= 1200 ? pace : null;
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** The start point: where the pin is (or the route starts), once it has a name. */
function startPointOf(values: CourseFormValues): CreateCourse['startPoint'] {
  if (values.startName.trim() === '') return null;
  const [lat, lng] = values.startPin ?? values.route[0] ?? [0, 0];
  return { name: values.startName, lat, lng };
}

/** The request body of the form's values (not yet validated). */
export function toCoursePayload(values: CourseFormValues): CreateCourse {
  return {
    title: values.title,
    description: values.description,
    route: values.route,
    segmentStarts: values.segmentStarts,
    region: values.region as Region,
    theme: values.theme as Theme,
    startPoint: startPointOf(values),
    paceSecPerKm: paceOf(values.paceMin, values.paceSec),
    parking: optional(values.parking),
    baggage: optional(values.baggage),
    toilets: optional(values.toilets),
    water: optional(values.water),
    photoIds: values.photos.map((photo) => photo.id),
  };
}

/** The contracts share some messages with runs; a course names its own fields. */
const COURSE_MESSAGES: Partial<Record<string, string>> = {
  'title.tooShort': 'courseTitle.tooShort',
  'title.tooLong': 'courseTitle.tooLong',
  'place.required': 'startPoint.required',
};

/** The create rules (CreateCourseSchema) applied to the form's values; the output is the request body. */
export function courseFormSchema() {
  return z.custom<CourseFormValues>().transform((values, ctx): CourseFormParsed => {
    const problems: { path: string; message: string }[] = [];
    if (!values.theme) problems.push({ path: 'theme', message: 'theme.required' });
    if (!values.region) problems.push({ path: 'region', message: 'region.required' });
    if (paceSecondsInvalid(values.paceSec)) problems.push({ path: 'paceMin', message: PACE_SECONDS_MESSAGE });
    // A pin moved by hand means a start point was meant: it needs a name to be shown.
    if (values.startPin && values.startName.trim() === '')
      problems.push({ path: 'startName', message: 'startPoint.required' });
    const parsed = CreateCourseSchema.safeParse(toCoursePayload(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ path: String(issue.path[0]), message: issue.message });
    }
    for (const { path, message } of problems)
      ctx.addIssue({ code: 'custom', path: [path], message: COURSE_MESSAGES[message] ?? message });
    return parsed.success ? parsed.data : z.NEVER;
  });
}

/** The form of an existing course (edit). */
export function courseToFormValues(course: Course): CourseFormValues {
  const pace = course.paceSecPerKm;
  const start = course.startPoint;
  const first = course.route[0];
  const pinMoved = start !== null && (first?.[0] !== start.lat || first[1] !== start.lng);
  return {
    route: course.route,
    segmentStarts: course.segmentStarts,
    startPin: start && pinMoved ? [start.lat, start.lng] : null,
    startName: start?.name ?? '',
    region: course.region,
    title: course.title,
    description: course.description,
    theme: course.theme,
    paceMin: pace === null ? '' : String(Math.floor(pace / 60)),
    paceSec: pace === null ? '' : String(pace % 60),
    parking: course.parking ?? '',
    baggage: course.baggage ?? '',
    toilets: course.toilets ?? '',
    water: course.water ?? '',
    photos: course.photos,
  };
}

/**
 * What changed, for PATCH. `description` always goes along: UpdateCourseSchema is the create schema made
 * partial, and its default ('') still applies to a PATCH that leaves it out, which would erase it (reported to
 * the server side; drop this once the contract has no defaults on PATCH).
 */
export function changedCourseFields(before: CreateCourse, after: CourseFormParsed): UpdateCourse {
  const changes: UpdateCourse = { description: after.description };
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const key of Object.keys(after) as (keyof CourseFormParsed)[]) {
    if (!same(before[key], after[key])) Object.assign(changes, { [key]: after[key] });
  }
  // A new route goes with its pieces: the server takes a route sent alone as one line.
  if (changes.route) changes.segmentStarts = after.segmentStarts;
  return changes;
}

export const COURSE_PHOTOS = { min: COURSE_LIMITS.photosMin, max: COURSE_LIMITS.photosMax } as const;
