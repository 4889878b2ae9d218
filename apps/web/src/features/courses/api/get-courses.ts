import { endpoints, type CoursePage, type ListCoursesQuery } from '@erun/contracts';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { courseKeys } from './course-keys.ts';

/** `?region=seoul,busan&…`: lists are comma-separated, empty values left out. */
export function coursesSearch(query: ListCoursesQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' ? value !== '' : typeof value === 'number') params.set(key, String(value));
  }
  return params.toString().replace(/%2C/gi, ',');
}

export function getCourses(query: ListCoursesQuery, signal?: AbortSignal): Promise<CoursePage> {
  return apiClient.call(endpoints.getCourses, { query: coursesSearch(query), signal });
}

/** One page, e.g. the BEST strip. */
export function getCoursesQueryOptions(query: ListCoursesQuery) {
  return queryOptions({
    queryKey: courseKeys.list(query),
    queryFn: ({ signal }) => getCourses(query, signal),
  });
}

export function useCourses(query: ListCoursesQuery) {
  return useQuery(getCoursesQueryOptions(query));
}

/** Every page of a filtered list, followed by cursor. */
export function getCoursesInfiniteQueryOptions(query: ListCoursesQuery) {
  return infiniteQueryOptions({
    queryKey: courseKeys.infinite(query),
    queryFn: ({ pageParam, signal }) =>
      getCourses(pageParam === null ? query : { ...query, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useInfiniteCourses(query: ListCoursesQuery) {
  return useInfiniteQuery(getCoursesInfiniteQueryOptions(query));
}
