import type { Course } from '@erun/contracts';
import { RUN_FORM_STEPS, EMPTY_RUN_FORM, type RunFormStep, type RunFormValues } from './run-form.ts';

// A draft is work in progress on this tab: sessionStorage keeps it across a reload, not forever.
const KEY = 'erun.runDraft';

export interface RunDraft {
  values: RunFormValues;
  step: RunFormStep;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps only fields of the right type: an old or tampered draft must not break the form. */
function sanitize(raw: Record<string, unknown>): RunFormValues {
  const values: Record<string, unknown> = { ...EMPTY_RUN_FORM };
  for (const [key, fallback] of Object.entries(EMPTY_RUN_FORM)) {
    const value = raw[key];
    if (typeof fallback === 'string' && typeof value === 'string') values[key] = value;
  }
  const isPoint = (p: unknown) =>
    Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
  if (Array.isArray(raw.route) && raw.route.every(isPoint)) values.route = raw.route;
  if (Array.isArray(raw.segmentStarts) && raw.segmentStarts.every((n) => Number.isInteger(n)))
    values.segmentStarts = raw.segmentStarts;
  if (isPoint(raw.meetingPoint)) values.meetingPoint = raw.meetingPoint;
  if (Array.isArray(raw.photos) && raw.photos.every((p) => isRecord(p) && typeof p.id === 'string'))
    values.photos = raw.photos;
  // Every key was copied from EMPTY_RUN_FORM's and checked against its type above.
  return values as RunFormValues;
}

export function loadDraft(): RunDraft | null {
  try {
    const raw: unknown = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null');
    if (!isRecord(raw) || !isRecord(raw.values)) return null;
    const step = RUN_FORM_STEPS.find((s) => s === raw.step) ?? 'course';
    return { values: sanitize(raw.values), step };
  } catch {
    return null;
  }
}

/** Saves a draft with work in it; an untouched form leaves nothing behind. */
export function rememberDraft(draft: RunDraft): void {
  const untouched =
    draft.step === 'course' && JSON.stringify(draft.values) === JSON.stringify(EMPTY_RUN_FORM);
  if (untouched) clearDraft();
  else saveDraft(draft);
}

export function saveDraft(draft: RunDraft): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the form still works, only a reload would lose it.
  }
}

export function clearDraft(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}

export type CourseForRun = Pick<
  Course,
  'route' | 'segmentStarts' | 'startPoint' | 'region' | 'theme' | 'paceSecPerKm' | 'parking' | 'baggage'
>;

/**
 * A run on a recommended course: its route, its start point as the meeting point, region, theme, pace and
 * logistics. Photos are not carried over (a photo belongs to one post); the date and title are the host's.
 */
export function runDraftFromCourse(course: CourseForRun): RunDraft {
  const start = course.startPoint;
  const pace = course.paceSecPerKm;
  return {
    step: 'course',
    values: {
      ...EMPTY_RUN_FORM,
      route: course.route,
      segmentStarts: course.segmentStarts,
      meetingPoint: start ? [start.lat, start.lng] : null,
      placeName: start?.name ?? '',
      region: course.region,
      theme: course.theme,
      paceMin: pace === null ? '' : String(Math.floor(pace / 60)),
      paceSec: pace === null ? '' : String(pace % 60),
      parking: course.parking ?? '',
      baggage: course.baggage ?? '',
    },
  };
}
