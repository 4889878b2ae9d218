import type { useZodForm } from '../../../../lib/form.ts';
import type { CourseFormParsed, CourseFormValues } from '../../utils/course-form.ts';

/** The form state each step works on. */
export type CourseFormApi = ReturnType<typeof useZodForm<CourseFormValues, CourseFormParsed>>;
