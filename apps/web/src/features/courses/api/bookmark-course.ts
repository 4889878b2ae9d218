import { endpoints, type Course, type CoursePage, type CourseSummary } from '@erun/contracts';
import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { courseKeys } from './course-keys.ts';

export interface BookmarkCourseInput {
  courseId: string;
  bookmarked: boolean;
}

/** PUT saves a course, DELETE forgets it; both are idempotent. */
export function bookmarkCourse({ courseId, bookmarked }: BookmarkCourseInput): Promise<void> {
  return apiClient.call(bookmarked ? endpoints.bookmarkCourse : endpoints.unbookmarkCourse, {
    params: { courseId },
  });
}

type Cached = CoursePage | InfiniteData<CoursePage> | Course | undefined;

function withBookmark<T extends CourseSummary>(course: T, { courseId, bookmarked }: BookmarkCourseInput): T {
  if (course.id !== courseId || course.bookmarked === bookmarked) return course;
  return { ...course, bookmarked, bookmarkCount: Math.max(0, course.bookmarkCount + (bookmarked ? 1 : -1)) };
}

function patchPage(page: CoursePage, input: BookmarkCourseInput): CoursePage {
  return { ...page, items: page.items.map((course) => withBookmark(course, input)) };
}

/** After the server agreed, every cached copy of the course shows the new state (no refetch of long lists). */
function applyBookmark(queryClient: QueryClient, input: BookmarkCourseInput): void {
  queryClient.setQueriesData<Cached>({ queryKey: courseKeys.all }, (data) => {
    if (data === undefined) return data;
    if ('pages' in data) return { ...data, pages: data.pages.map((page) => patchPage(page, input)) };
    if ('items' in data) return patchPage(data, input);
    return withBookmark<Course>(data, input);
  });
}

export function useBookmarkCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bookmarkCourse,
    onSuccess: (_, input) => applyBookmark(queryClient, input),
  });
}
