import {
  draftStore,
  isImageList,
  isIndexList,
  isPoint,
  isRoute,
  type Draft,
} from '../../../lib/draft-store.ts';
import {
  COURSE_FORM_STEPS,
  EMPTY_COURSE_FORM,
  type CourseFormStep,
  type CourseFormValues,
} from './course-form.ts';

// A draft is work in progress on this tab: sessionStorage keeps it across a reload, not forever.
export type CourseDraft = Draft<CourseFormValues, CourseFormStep>;

export const courseDrafts = draftStore({
  key: 'erun.courseDraft',
  empty: EMPTY_COURSE_FORM,
  steps: COURSE_FORM_STEPS,
  checks: { route: isRoute, segmentStarts: isIndexList, startPin: isPoint, photos: isImageList },
});
