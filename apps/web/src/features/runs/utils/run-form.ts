import {
  CreateRunSchema,
  RUN_LIMITS,
  runTimeIssues,
  type CreateRun,
  type CreateRunParsed,
  type Image,
  type LatLng,
  type Region,
  type Run,
  type RunVisibility,
  type Theme,
  type UpdateRun,
} from '@erun/contracts';
import { z } from 'zod';
import {
  addDays,
  isoToLocalInput,
  localInputToIso,
  seoulParts,
  seoulToday,
  toSeoulIso,
} from '../../../lib/datetime.ts';
import { PACE_SECONDS_MESSAGE, paceOf, paceSecondsInvalid } from '../../../lib/pace.ts';

/** What the three steps edit. Inputs stay strings until the payload is built. */
export type RunFormValues = {
  route: LatLng[];
  /** Where each piece of a track recorded in pieces starts (after the first). */
  segmentStarts: number[];
  /** null: the route's start. */
  meetingPoint: LatLng | null;
  placeName: string;
  region: Region | '';
  title: string;
  description: string;
  /** YYYY-MM-DD in Seoul */
  date: string;
  /** HH:mm */
  startTime: string;
  meetTime: string;
  endTime: string;
  /** datetime-local value; '' = the default, start − 1 h. */
  joinDeadline: string;
  paceMin: string;
  paceSec: string;
  capacity: string;
  theme: Theme | '';
  parking: string;
  baggage: string;
  photos: Image[];
  /** The crew section (staff only): '' = no crew. */
  crewId: string;
  visibility: RunVisibility;
  /** '' = no cap on guests' seats. */
  guestSeats: string;
  coHostIds: string[];
  /** '' = no minimum attendance rate (0–100 otherwise). */
  minAttendanceRate: string;
  /** 여성 전용 (its host must be a woman; the server says so if not). */
  womenOnly: boolean;
  /** 페이스 그룹 (empty: one group for all); their seats add up to the run's capacity. */
  paceGroups: PaceGroupDraft[];
};

/** One pace group as the form edits it (`id`: a group the run already has, kept on edit). */
export interface PaceGroupDraft {
  id?: string;
  paceMin: string;
  paceSec: string;
  capacity: string;
  /** '' = no pacer. */
  pacerId: string;
}

/** Two groups to start from when the host turns pace groups on: 5'30" and 6'30", the seats split. */
export function startingPaceGroups(capacity: string): PaceGroupDraft[] {
  const total = Number(capacity);
  const seats = Number.isInteger(total) && total >= 4 ? total : 10;
  const first = Math.ceil(seats / 2);
  return [
    { paceMin: '5', paceSec: '30', capacity: String(first), pacerId: '' },
    { paceMin: '6', paceSec: '30', capacity: String(seats - first), pacerId: '' },
  ];
}

/** The seats of all groups (NaN while one is not a number). */
export function paceGroupSeats(groups: PaceGroupDraft[]): number {
  return groups.reduce((n, g) => n + (g.capacity.trim() === '' ? Number.NaN : Number(g.capacity)), 0);
}

export type RunFormField = keyof RunFormValues;

export const EMPTY_RUN_FORM: RunFormValues = {
  route: [],
  segmentStarts: [],
  meetingPoint: null,
  placeName: '',
  region: '',
  title: '',
  description: '',
  date: '',
  startTime: '',
  meetTime: '',
  endTime: '',
  joinDeadline: '',
  paceMin: '',
  paceSec: '',
  capacity: '10',
  theme: '',
  parking: '',
  baggage: '',
  photos: [],
  crewId: '',
  visibility: 'public',
  guestSeats: '',
  coHostIds: [],
  minAttendanceRate: '',
  womenOnly: false,
  paceGroups: [],
};

export const RUN_FORM_STEPS = ['course', 'details', 'photos'] as const;
export type RunFormStep = (typeof RUN_FORM_STEPS)[number];

export const RUN_STEP_FIELDS: Record<RunFormStep, readonly RunFormField[]> = {
  course: ['route', 'placeName', 'region'],
  details: [
    'title',
    'date',
    'startTime',
    'meetTime',
    'endTime',
    'joinDeadline',
    'paceMin',
    'capacity',
    'theme',
    'parking',
    'baggage',
    'description',
    'crewId',
    'visibility',
    'guestSeats',
    'coHostIds',
    'minAttendanceRate',
    'womenOnly',
    'paceGroups',
  ],
  photos: ['photos'],
};

/** Payload keys the form edits as other fields; issues about them (client or server) land there. */
export const RUN_ISSUE_FIELDS: Partial<Record<string, RunFormField>> = {
  startsAt: 'startTime',
  endsAt: 'endTime',
  meetAt: 'meetTime',
  meetingPlace: 'placeName',
  paceSecPerKm: 'paceMin',
  photoIds: 'photos',
};

/** Messages for zod's generic issues on fields whose contract message is not specific. */
export const RUN_FIELD_MESSAGES: Partial<Record<RunFormField, string>> = {
  capacity: 'validation.capacity.range',
  paceMin: 'validation.pace.range',
  theme: 'validation.theme.required',
  region: 'validation.region.required',
  placeName: 'validation.place.required',
  title: 'validation.title.tooShort',
  guestSeats: 'validation.guestSeats.range',
  minAttendanceRate: 'errors.minAttendanceRate.range',
};

/** The join deadline the server applies when none is sent: start − 1 h, as a datetime-local value. */
export function defaultDeadline(date: string, startTime: string): string {
  const start = toSeoulIso(date, startTime);
  return start ? isoToLocalInput(Date.parse(start) - RUN_LIMITS.joinDeadlineLeadMs) : '';
}

/**
 * The run ends the next day: an end time at or before the start time (23:30 → 00:40). A run lasts at most
 * 24 hours, so the end is always within a day after the start.
 */
export function endsNextDay(values: Pick<RunFormValues, 'startTime' | 'endTime'>): boolean {
  return values.startTime !== '' && values.endTime !== '' && values.endTime <= values.startTime;
}

function endsAtOf(values: RunFormValues): string {
  const day = endsNextDay(values) && values.date ? addDays(values.date, 1) : values.date;
  return toSeoulIso(day, values.endTime) ?? '';
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body of the form's values (not yet validated). */
export function toRunPayload(values: RunFormValues): CreateRun {
  const [lat, lng] = values.meetingPoint ?? values.route[0] ?? [0, 0];
  const deadline = values.joinDeadline || defaultDeadline(values.date, values.startTime);
  return {
    title: values.title,
    description: values.description,
    startsAt: toSeoulIso(values.date, values.startTime) ?? '',
    endsAt: endsAtOf(values),
    meetAt: values.meetTime ? (toSeoulIso(values.date, values.meetTime) ?? '') : null,
    // Sent explicitly even when it is the default, so moving the start on edit moves the deadline with it.
    joinDeadline: deadline ? (localInputToIso(deadline) ?? '') : null,
    meetingPlace: { name: values.placeName, lat, lng },
    route: values.route,
    segmentStarts: values.segmentStarts,
    // With pace groups the run's seats are theirs, added up.
    capacity:
      values.paceGroups.length > 0
        ? paceGroupSeats(values.paceGroups)
        : values.capacity.trim() === ''
          ? Number.NaN
          : Number(values.capacity),
    theme: values.theme as Theme,
    region: values.region as Region,
    paceSecPerKm: paceOf(values.paceMin, values.paceSec),
    parking: optional(values.parking),
    baggage: optional(values.baggage),
    photoIds: values.photos.map((photo) => photo.id),
    crewId: values.crewId || null,
    visibility: values.crewId ? values.visibility : 'public',
    // Guests' seats belong to a public crew run; '' is no cap.
    guestSeats:
      values.crewId && values.visibility === 'public' && values.guestSeats.trim() !== ''
        ? Number(values.guestSeats)
        : null,
    coHostIds: values.coHostIds,
    minAttendanceRate: values.minAttendanceRate.trim() === '' ? null : Number(values.minAttendanceRate),
    womenOnly: values.womenOnly,
    paceGroups:
      values.paceGroups.length === 0
        ? null
        : values.paceGroups.map((g) => ({
            ...(g.id ? { id: g.id } : {}),
            paceSecPerKm: paceOf(g.paceMin, g.paceSec) ?? Number.NaN,
            capacity: g.capacity.trim() === '' ? Number.NaN : Number(g.capacity),
            pacerId: g.pacerId || null,
          })),
  };
}

interface Problem {
  path: string;
  message: string;
}

function requiredProblems(values: RunFormValues): Problem[] {
  const problems: Problem[] = [];
  if (!values.date) problems.push({ path: 'date', message: 'date.required' });
  if (!values.startTime) problems.push({ path: 'startTime', message: 'time.required' });
  if (!values.endTime) problems.push({ path: 'endTime', message: 'time.required' });
  if (!values.theme) problems.push({ path: 'theme', message: 'theme.required' });
  if (!values.region) problems.push({ path: 'region', message: 'region.required' });
  if (paceSecondsInvalid(values.paceSec)) problems.push({ path: 'paceMin', message: PACE_SECONDS_MESSAGE });
  return problems;
}

export interface RunFormRules {
  now: () => number;
  /** On edit, the start only has to be an hour away when it changes. */
  originalStartsAt?: string;
}

/**
 * The create rules (CreateRunSchema + the order of times) plus "start at least an hour from now",
 * applied to the form's values; the output is the request body.
 */
export function runFormSchema(rules: RunFormRules) {
  return z.custom<RunFormValues>().transform((values, ctx): CreateRunParsed => {
    const payload = toRunPayload(values);
    const problems = requiredProblems(values);
    const parsed = CreateRunSchema.safeParse(payload);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ path: String(issue.path[0]), message: issue.message });
    }
    const start = Date.parse(payload.startsAt);
    if (!Number.isNaN(start) && !Number.isNaN(Date.parse(payload.endsAt))) {
      problems.push(...runTimeIssues(payload));
      const changed = payload.startsAt !== rules.originalStartsAt;
      // A day before today is the date's mistake, not the time's: it is said on the date field.
      if (changed && values.date < seoulToday(rules.now()))
        problems.push({ path: 'date', message: 'date.past' });
      else if (changed && start < rules.now() + RUN_LIMITS.minLeadMs)
        problems.push({ path: 'startsAt', message: 'startsAt.tooSoon' });
    }
    for (const { path, message } of problems) ctx.addIssue({ code: 'custom', path: [path], message });
    return parsed.success ? parsed.data : z.NEVER;
  });
}

/** The form of an existing run (edit). */
export function runToFormValues(run: Run): RunFormValues {
  const start = seoulParts(run.startsAt);
  const pace = run.paceSecPerKm;
  const deadline = isoToLocalInput(run.joinDeadline);
  return {
    route: run.route,
    segmentStarts: run.segmentStarts,
    meetingPoint: [run.meetingPlace.lat, run.meetingPlace.lng],
    placeName: run.meetingPlace.name,
    region: run.region,
    title: run.title,
    description: run.description,
    date: start.day,
    startTime: start.time,
    meetTime: run.meetAt ? seoulParts(run.meetAt).time : '',
    endTime: seoulParts(run.endsAt).time,
    joinDeadline: deadline === defaultDeadline(start.day, start.time) ? '' : deadline,
    paceMin: pace === null ? '' : String(Math.floor(pace / 60)),
    paceSec: pace === null ? '' : String(pace % 60),
    capacity: String(run.capacity),
    theme: run.theme,
    parking: run.parking ?? '',
    baggage: run.baggage ?? '',
    photos: run.photos,
    crewId: run.crew?.id ?? '',
    visibility: run.visibility,
    guestSeats: run.guestSeats === null ? '' : String(run.guestSeats),
    coHostIds: run.coHosts.map((c) => c.id),
    minAttendanceRate: run.minAttendanceRate === null ? '' : String(run.minAttendanceRate),
    womenOnly: run.womenOnly,
    paceGroups: run.paceGroups.map((g) => ({
      id: g.id,
      paceMin: String(Math.floor(g.paceSecPerKm / 60)),
      paceSec: String(g.paceSecPerKm % 60),
      capacity: String(g.capacity),
      pacerId: g.pacer?.id ?? '',
    })),
  };
}

/**
 * What changed, for PATCH. `description` and `photoIds` always go along: UpdateRunSchema is the create schema
 * made partial, and their defaults ('' and []) still apply to a PATCH that leaves them out, which would erase
 * them (reported to the server side; drop this once the contract has no defaults on PATCH).
 */
export function changedRunFields(before: CreateRun, after: CreateRunParsed): UpdateRun {
  const changes: UpdateRun = { description: after.description, photoIds: after.photoIds };
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const key of Object.keys(after) as (keyof CreateRunParsed)[]) {
    if (!same(before[key], after[key])) Object.assign(changes, { [key]: after[key] });
  }
  // A new route goes with its pieces: the server takes a route sent alone as one line.
  if (changes.route) changes.segmentStarts = after.segmentStarts;
  return changes;
}
