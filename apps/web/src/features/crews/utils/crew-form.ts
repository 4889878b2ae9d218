import {
  CREW_LIMITS,
  CreateCrewSchema,
  type CreateCrew,
  type Crew,
  type Image,
  type JoinPolicy,
  type LatLng,
  type Region,
  type UpdateCrew,
  type Weekday,
} from '@erun/contracts';
import { z } from 'zod';
import { PACE_SECONDS_MESSAGE, paceOf, paceSecondsInvalid } from '../../../lib/pace.ts';

/** What the four steps edit. Inputs stay strings until the payload is built. */
export type CrewFormValues = {
  name: string;
  description: string;
  regions: Region[];
  level: string;
  beginnerFriendly: boolean;
  /** 여성 전용 크루 (its owner must be a woman; the server says so if not). */
  womenOnly: boolean;
  /** The home spot's pin and name. */
  spot: LatLng | null;
  spotName: string;
  days: Weekday[];
  /** "19:30" or '' (no usual time). */
  time: string;
  fastMin: string;
  fastSec: string;
  slowMin: string;
  slowSec: string;
  joinPolicy: JoinPolicy;
  /** Up to three join questions (approval only); empty ones are left out. */
  questions: string[];
  /** Guests become members after this many attended runs; '' = off. */
  autoMember: string;
  logo: Image[];
  cover: Image[];
};

export type CrewFormField = keyof CrewFormValues;
export type CrewFormParsed = z.output<typeof CreateCrewSchema>;

export const EMPTY_CREW_FORM: CrewFormValues = {
  name: '',
  description: '',
  regions: [],
  level: '',
  beginnerFriendly: false,
  womenOnly: false,
  spot: null,
  spotName: '',
  days: [],
  time: '',
  fastMin: '',
  fastSec: '',
  slowMin: '',
  slowSec: '',
  joinPolicy: 'open',
  questions: ['', '', ''],
  autoMember: '',
  logo: [],
  cover: [],
};

export const CREW_FORM_STEPS = ['basics', 'place', 'join', 'images'] as const;
export type CrewFormStep = (typeof CREW_FORM_STEPS)[number];

export const CREW_STEP_FIELDS: Record<CrewFormStep, readonly CrewFormField[]> = {
  basics: ['name', 'regions', 'level', 'description'],
  place: ['spotName', 'days', 'time', 'fastMin'],
  join: ['joinPolicy', 'questions', 'autoMember'],
  images: ['logo', 'cover'],
};

/** Payload keys the form edits as other fields; issues about them (client or server) land there. */
export const CREW_ISSUE_FIELDS: Partial<Record<string, CrewFormField>> = {
  homeSpot: 'spotName',
  paceRange: 'fastMin',
  autoMemberAfter: 'autoMember',
  logoId: 'logo',
  coverId: 'cover',
};

export const CREW_FIELD_MESSAGES: Partial<Record<CrewFormField, string>> = {
  regions: 'validation.crew.regions.required',
  fastMin: 'validation.crew.paceRange.range',
  autoMember: 'validation.crew.autoMemberAfter.range',
  time: 'validation.crew.time.invalid',
};

/** The name's live check while typing: how long it is and whether that fits 2–30. */
export function nameCheck(name: string): { length: number; ok: boolean } {
  const length = [...name.trim()].length;
  return { length, ok: length >= CREW_LIMITS.nameMin && length <= CREW_LIMITS.nameMax };
}

function paceRangeOf(v: CrewFormValues): CreateCrew['paceRange'] | 'incomplete' {
  const fast = paceOf(v.fastMin, v.fastSec);
  const slow = paceOf(v.slowMin, v.slowSec);
  if (fast === null && slow === null) return null;
  // Seconds above 59 are the form's own message, not the contract's "invalid range".
  if (paceSecondsInvalid(v.fastSec) || paceSecondsInvalid(v.slowSec)) return 'incomplete';
  if (fast === null || slow === null) return 'incomplete';
  return { min: fast, max: slow };
}

/** The request body of the form's values (not yet validated). */
export function toCrewPayload(v: CrewFormValues): CreateCrew {
  const range = paceRangeOf(v);
  const auto = v.autoMember.trim();
  return {
    name: v.name,
    description: v.description,
    regions: v.regions,
    homeSpot: { name: v.spotName, lat: v.spot?.[0] ?? Number.NaN, lng: v.spot?.[1] ?? Number.NaN },
    days: v.days,
    time: v.time === '' ? null : v.time,
    paceRange: range === 'incomplete' ? null : range,
    level: v.level,
    beginnerFriendly: v.beginnerFriendly,
    joinPolicy: v.joinPolicy,
    questions: v.joinPolicy === 'approval' ? v.questions.map((q) => q.trim()).filter(Boolean) : [],
    logoId: v.logo[0]?.id ?? null,
    coverId: v.cover[0]?.id ?? null,
    autoMemberAfter: auto === '' ? null : Number(auto),
    womenOnly: v.womenOnly,
  };
}

/** The create rules (CreateCrewSchema) applied to the form's values; the output is the request body. */
export function crewFormSchema() {
  return z.custom<CrewFormValues>().transform((values, ctx): CrewFormParsed => {
    const problems: { path: string; message: string }[] = [];
    if (values.spot === null) problems.push({ path: 'spotName', message: 'homeSpot.pin' });
    if (paceSecondsInvalid(values.fastSec) || paceSecondsInvalid(values.slowSec))
      problems.push({ path: 'fastMin', message: PACE_SECONDS_MESSAGE });
    else if (paceRangeOf(values) === 'incomplete')
      problems.push({ path: 'fastMin', message: 'paceRange.incomplete' });
    const parsed = CreateCrewSchema.safeParse(toCrewPayload(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        // A missing pin is said once, as a pin; not as two bad coordinates.
        if (key === 'homeSpot' && values.spot === null && issue.path[1] !== 'name') continue;
        const path = CREW_ISSUE_FIELDS[key] ?? key;
        problems.push({ path, message: /\./.test(issue.message) ? issue.message : `${key}.invalid` });
      }
    }
    for (const { path, message } of problems)
      ctx.addIssue({ code: 'custom', path: [path], message: `crew.${message}` });
    return parsed.success && problems.length === 0 ? parsed.data : z.NEVER;
  });
}

/** The form of an existing crew (edit). */
export function crewToFormValues(crew: Crew): CrewFormValues {
  const mmss = (s: number | undefined) =>
    s === undefined ? ['', ''] : [String(Math.floor(s / 60)), String(s % 60)];
  const [fastMin, fastSec] = mmss(crew.paceRange?.min);
  const [slowMin, slowSec] = mmss(crew.paceRange?.max);
  return {
    name: crew.name,
    description: crew.description,
    regions: crew.regions,
    level: crew.level,
    beginnerFriendly: crew.beginnerFriendly,
    womenOnly: crew.womenOnly,
    spot: [crew.homeSpot.lat, crew.homeSpot.lng],
    spotName: crew.homeSpot.name,
    days: crew.days,
    time: crew.time ?? '',
    fastMin: fastMin ?? '',
    fastSec: fastSec ?? '',
    slowMin: slowMin ?? '',
    slowSec: slowSec ?? '',
    joinPolicy: crew.joinPolicy,
    questions: [0, 1, 2].map((i) => crew.questions[i] ?? ''),
    autoMember: crew.autoMemberAfter === null ? '' : String(crew.autoMemberAfter),
    logo: crew.logo ? [crew.logo] : [],
    cover: crew.cover ? [crew.cover] : [],
  };
}

/** What changed, for PATCH (the name only when it did: an unchanged name is no conflict to check). */
export function changedCrewFields(before: CreateCrew, after: CrewFormParsed): UpdateCrew {
  const changes: UpdateCrew = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const key of Object.keys(after) as (keyof CrewFormParsed)[]) {
    if (!same(before[key], after[key])) Object.assign(changes, { [key]: after[key] });
  }
  return changes;
}
