import { endpoints, type Course, type UpdateCourse } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { courseKeys } from './course-keys.ts';

/** The author's edit: only the fields that changed. */
export function updateCourse({
  courseId,
  changes,
}: {
  courseId: string;
  changes: UpdateCourse;
}): Promise<Course> {
  return apiClient.call(endpoints.updateCourse, { params: { courseId }, body: changes });
}

export function useUpdateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCourse,
    onSuccess: (course) => {
      queryClient.setQueryData(courseKeys.detail(course.id), course);
      return queryClient.invalidateQueries({ queryKey: courseKeys.lists() });
    },
  });
}
