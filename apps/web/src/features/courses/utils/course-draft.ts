import {
  COURSE_FORM_STEPS,
  EMPTY_COURSE_FORM,
  type CourseFormStep,
  type CourseFormValues,
} from './course-form.ts';

// A draft is work in progress on this tab: sessionStorage keeps it across a reload, not forever.
const KEY = 'erun.courseDraft';

export interface CourseDraft {
  values: CourseFormValues;
  step: CourseFormStep;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isPoint = (p: unknown) =>
  Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));

/** Keeps only fields of the right type: an old or tampered draft must not break the form. */
function sanitize(raw: Record<string, unknown>): CourseFormValues {
  const values: Record<string, unknown> = { ...EMPTY_COURSE_FORM };
  for (const [key, fallback] of Object.entries(EMPTY_COURSE_FORM)) {
    const value = raw[key];
    if (typeof fallback === 'string' && typeof value === 'string') values[key] = value;
  }
  if (Array.isArray(raw.route) && raw.route.every(isPoint)) values.route = raw.route;
  if (Array.isArray(raw.segmentStarts) && raw.segmentStarts.every((n) => Number.isInteger(n)))
    values.segmentStarts = raw.segmentStarts;
  if (isPoint(raw.startPin)) values.startPin = raw.startPin;
  if (Array.isArray(raw.photos) && raw.photos.every((p) => isRecord(p) && typeof p.id === 'string'))
    values.photos = raw.photos;
  // Every key was copied from EMPTY_COURSE_FORM's and checked against its type above.
  return values as CourseFormValues;
}

export function loadCourseDraft(): CourseDraft | null {
  try {
    const raw: unknown = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null');
    if (!isRecord(raw) || !isRecord(raw.values)) return null;
    const step = COURSE_FORM_STEPS.find((s) => s === raw.step) ?? 'route';
    return { values: sanitize(raw.values), step };
  } catch {
    return null;
  }
}

/** Saves a draft with work in it; an untouched form leaves nothing behind. */
export function rememberCourseDraft(draft: CourseDraft): void {
  const untouched =
    draft.step === 'route' && JSON.stringify(draft.values) === JSON.stringify(EMPTY_COURSE_FORM);
  try {
    if (untouched) window.sessionStorage.removeItem(KEY);
    else window.sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the form still works, only a reload would lose it.
  }
}

export function clearCourseDraft(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}
