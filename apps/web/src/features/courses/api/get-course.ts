import { endpoints, type Course } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { courseKeys } from './course-keys.ts';

/** The course page; the server counts it as one view per viewer per day. */
export function getCourse(courseId: string, signal?: AbortSignal): Promise<Course> {
  return apiClient.call(endpoints.getCourse, { params: { courseId }, signal });
}

export function getCourseQueryOptions(courseId: string) {
  return queryOptions({
    queryKey: courseKeys.detail(courseId),
    queryFn: ({ signal }) => getCourse(courseId, signal),
  });
}

export function useCourse(courseId: string) {
  return useQuery(getCourseQueryOptions(courseId));
}
