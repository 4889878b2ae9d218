import { endpoints, type Course, type RatingResult } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { courseKeys } from './course-keys.ts';

export interface RateCourseInput {
  courseId: string;
  stars: number;
}

/** Gives (or changes) the caller's 1–5 stars; the author cannot rate their own course. */
export function rateCourse({ courseId, stars }: RateCourseInput): Promise<RatingResult> {
  return apiClient.call(endpoints.rateCourse, { params: { courseId }, body: { stars } });
}

/** The page's summary, histogram included, follows the server's answer without fetching the course again. */
export function withRating(course: Course, result: RatingResult): Course {
  const histogram = [...course.histogram];
  const before = course.myRating;
  if (before !== null && histogram[before - 1] !== undefined)
    histogram[before - 1] = Math.max(0, (histogram[before - 1] ?? 0) - 1);
  if (result.mine !== null) histogram[result.mine - 1] = (histogram[result.mine - 1] ?? 0) + 1;
  return {
    ...course,
    rating: { average: result.average, count: result.count },
    myRating: result.mine,
    histogram,
  };
}

export function useRateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rateCourse,
    onSuccess: (result, { courseId }) => {
      queryClient.setQueryData<Course>(courseKeys.detail(courseId), (course) =>
        course ? withRating(course, result) : course,
      );
      return queryClient.invalidateQueries({ queryKey: courseKeys.lists() });
    },
  });
}
