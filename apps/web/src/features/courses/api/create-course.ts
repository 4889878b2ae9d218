import { endpoints, type Course, type CreateCourse } from '@erun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { courseKeys } from './course-keys.ts';

export function createCourse(body: CreateCourse): Promise<Course> {
  return apiClient.call(endpoints.createCourse, { body });
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCourse,
    onSuccess: (course) => {
      queryClient.setQueryData(courseKeys.detail(course.id), course);
      return queryClient.invalidateQueries({ queryKey: courseKeys.lists() });
    },
  });
}
