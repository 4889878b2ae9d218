import type { Course } from '@erun/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StepForm } from '../../../../components/step-form/step-form.tsx';
import { useZodForm } from '../../../../lib/form.ts';
import { useCreateCourse } from '../../api/create-course.ts';
import { useUpdateCourse } from '../../api/update-course.ts';
import type { CourseDraft } from '../../utils/course-draft.ts';
import {
  changedCourseFields,
  COURSE_FIELD_MESSAGES,
  COURSE_FORM_STEPS,
  COURSE_ISSUE_FIELDS,
  COURSE_PHOTOS,
  COURSE_STEP_FIELDS,
  courseFormSchema,
  toCoursePayload,
  type CourseFormParsed,
  type CourseFormStep,
  type CourseFormValues,
} from '../../utils/course-form.ts';
import type { CourseAuthor } from '../../utils/course-preview.ts';
import { DetailsStep } from './details-step.tsx';
import { PhotosStep } from './photos-step.tsx';
import { RouteStep } from './route-step.tsx';
import type { LabelledPhotosFieldProps } from '../../../../components/step-form/photos-field.ts';

/** What the page plugs in as the photos field (uploads live in another feature). */
export type CoursePhotosFieldProps = LabelledPhotosFieldProps;

interface CourseFormProps {
  initial: CourseFormValues;
  initialStep?: CourseFormStep;
  /** Editing this course; posting a new one when absent. */
  original?: Course;
  author: CourseAuthor;
  renderPhotosField: (field: CoursePhotosFieldProps) => ReactNode;
  onDraftChange?: (draft: CourseDraft) => void;
  onSaved: (course: Course) => void;
}

/** Post or edit a course in three steps: route, details, photos (with a preview of the card). */
export function CourseForm({ initial, initialStep, original, author, ...props }: CourseFormProps) {
  const { t } = useTranslation();
  const [photosPending, setPhotosPending] = useState(false);
  const createCourse = useCreateCourse();
  const updateCourse = useUpdateCourse();
  const [initialPayload] = useState(() => toCoursePayload(initial));
  const form = useZodForm(courseFormSchema(), initial, {
    issueFields: COURSE_ISSUE_FIELDS,
    fieldMessages: COURSE_FIELD_MESSAGES,
    codeFields: { UPLOAD_NOT_FOUND: 'photos', PHOTO_IN_USE: 'photos' },
  });

  const publish = (data: CourseFormParsed, onError: (error: unknown) => void) => {
    if (!original) return createCourse.mutate(data, { onSuccess: props.onSaved, onError });
    const changes = changedCourseFields(initialPayload, data);
    updateCourse.mutate({ courseId: original.id, changes }, { onSuccess: props.onSaved, onError });
  };

  return (
    <StepForm
      form={form}
      steps={COURSE_FORM_STEPS}
      stepFields={COURSE_STEP_FIELDS}
      initialStep={initialStep}
      fallbackStep="details"
      labels={{
        step: (s) => t(`courseForm.steps.${s}`),
        previous: t('courseForm.previous'),
        next: t('courseForm.next'),
        submit: t(original ? 'courseForm.saveEdit' : 'courseForm.publish'),
      }}
      pending={createCourse.isPending || updateCourse.isPending}
      submitDisabled={photosPending}
      onDraftChange={props.onDraftChange}
      onPublish={publish}
    >
      {(step) =>
        step === 'route' ? (
          <RouteStep form={form} />
        ) : step === 'details' ? (
          <DetailsStep form={form} />
        ) : (
          <PhotosStep form={form} author={author}>
            {props.renderPhotosField({
              photos: form.values.photos,
              onChange: (photos) => form.setValue('photos', photos),
              max: COURSE_PHOTOS.max,
              onPendingChange: setPhotosPending,
              error: form.errorOf('photos'),
              label: t('courseForm.photos.label', { min: COURSE_PHOTOS.min, max: COURSE_PHOTOS.max }),
            })}
          </PhotosStep>
        )
      }
    </StepForm>
  );
}
