import { endpoints } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { courseKeys } from './course-keys.ts';

/** Deletes a course (author only); its photos go with it. */
export function deleteCourse(courseId: string): Promise<void> {
  return apiClient.call(endpoints.deleteCourse, { params: { courseId } });
}

export function useDeleteCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCourse,
    onSuccess: (_, courseId) => {
      queryClient.removeQueries({ queryKey: courseKeys.detail(courseId) });
      return queryClient.invalidateQueries({ queryKey: courseKeys.lists() });
    },
  });
}
