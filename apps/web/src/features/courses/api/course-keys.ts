import type { ListCoursesQuery } from '@erun/contracts';

/**
 * Cache keys of courses, all under `['courses']`: one invalidation refreshes every list and page (when the
 * signed-in user changes, and with it `bookmarked` and `myRating`).
 */
export const courseKeys = {
  all: ['courses'] as const,
  lists: () => [...courseKeys.all, 'list'] as const,
  list: (query: ListCoursesQuery) => [...courseKeys.lists(), query] as const,
  infinite: (query: ListCoursesQuery) => [...courseKeys.lists(), 'infinite', query] as const,
  detail: (courseId: string) => [...courseKeys.all, 'detail', courseId] as const,
};
