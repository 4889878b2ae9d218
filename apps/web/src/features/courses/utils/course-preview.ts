import { estimatedMinutes, routeDistanceKm, type CourseSummary } from '@erun/contracts';
import { paceOfForm, type CourseFormValues } from './course-form.ts';

export type CourseAuthor = CourseSummary['author'];
const PREVIEW_ID = '00000000-0000-4000-8000-000000000000';

/** The card of a course that does not exist yet, from the form's values (shown before publishing). */
export function previewCourse(
  values: CourseFormValues,
  author: CourseAuthor,
  now: number = Date.now(),
): CourseSummary {
  const distanceKm = routeDistanceKm(values.route, values.segmentStarts);
  const pace = paceOfForm(values);
  return {
    id: PREVIEW_ID,
    title: values.title.trim(),
    description: values.description,
    region: values.region || 'seoul',
    theme: values.theme || 'city',
    startPoint: null,
    paceSecPerKm: pace,
    parking: null,
    baggage: null,
    toilets: null,
    water: null,
    distanceKm,
    estimatedMinutes: estimatedMinutes(distanceKm, pace),
    rating: { average: 0, count: 0 },
    views: 0,
    bookmarkCount: 0,
    commentCount: 0,
    author,
    photos: values.photos,
    bookmarked: false,
    myRating: null,
    createdAt: new Date(now).toISOString(),
  };
}
