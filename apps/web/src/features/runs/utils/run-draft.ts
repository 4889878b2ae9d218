import type { Course } from '@erun/contracts';
import {
  draftStore,
  isImageList,
  isIndexList,
  isPoint,
  isRoute,
  type Draft,
} from '../../../lib/draft-store.ts';
import { RUN_FORM_STEPS, EMPTY_RUN_FORM, type RunFormStep, type RunFormValues } from './run-form.ts';

// A draft is work in progress on this tab: sessionStorage keeps it across a reload, not forever.
export type RunDraft = Draft<RunFormValues, RunFormStep>;

export const runDrafts = draftStore({
  key: 'erun.runDraft',
  empty: EMPTY_RUN_FORM,
  steps: RUN_FORM_STEPS,
  checks: { route: isRoute, segmentStarts: isIndexList, meetingPoint: isPoint, photos: isImageList },
});

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
