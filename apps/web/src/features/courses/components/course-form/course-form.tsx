import type { Course, Image } from '@erun/contracts';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { FormAlert } from '../../../../components/form-alert.tsx';
import { Stepper } from '../../../../components/stepper.tsx';
import { cx } from '../../../../lib/cx.ts';
import { useZodForm } from '../../../../lib/form.ts';
import type { Message } from '../../../../lib/messages.ts';
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
  courseStepOfField,
  toCoursePayload,
  type CourseFormField,
  type CourseFormParsed,
  type CourseFormStep,
  type CourseFormValues,
} from '../../utils/course-form.ts';
import type { CourseAuthor } from '../../utils/course-preview.ts';
import { DetailsStep } from './details-step.tsx';
import { PhotosStep } from './photos-step.tsx';
import { RouteStep } from './route-step.tsx';
import styles from './course-form.module.css';

/** What the page plugs in as the photos field (uploads live in another feature). */
export interface CoursePhotosFieldProps {
  photos: Image[];
  onChange: (photos: Image[]) => void;
  max: number;
  onPendingChange: (pending: boolean) => void;
  error?: Message;
  label: string;
}

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
export function CourseForm({ initial, initialStep = 'route', original, author, ...props }: CourseFormProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<CourseFormStep>(initialStep);
  const [photosPending, setPhotosPending] = useState(false);
  const createCourse = useCreateCourse();
  const updateCourse = useUpdateCourse();
  const [initialPayload] = useState(() => toCoursePayload(initial));
  const form = useZodForm(courseFormSchema(), initial, {
    issueFields: COURSE_ISSUE_FIELDS,
    fieldMessages: COURSE_FIELD_MESSAGES,
    codeFields: { UPLOAD_NOT_FOUND: 'photos', PHOTO_IN_USE: 'photos' },
  });
  const top = useRef<HTMLDivElement>(null);
  const { onDraftChange } = props;

  useEffect(() => onDraftChange?.({ values: form.values, step }), [form.values, step, onDraftChange]);

  const goTo = (next: CourseFormStep) => {
    setStep(next);
    top.current?.scrollIntoView?.({ block: 'start' });
  };

  const focusFirstError = (fields: readonly CourseFormField[]) =>
    // After the step's fields are on screen.
    window.setTimeout(() => {
      const first = fields.map((f) => document.querySelector<HTMLElement>(`[name="${f}"]`)).find(Boolean);
      first?.focus();
    });

  const next = () => {
    const fields = COURSE_STEP_FIELDS[step];
    if (!form.checkFields(fields))
      return focusFirstError(fields.filter((f) => form.invalidFields().includes(f)));
    goTo(COURSE_FORM_STEPS[COURSE_FORM_STEPS.indexOf(step) + 1] ?? step);
  };

  const previous = () => goTo(COURSE_FORM_STEPS[COURSE_FORM_STEPS.indexOf(step) - 1] ?? step);

  const onServerError = (error: unknown) => {
    const fields = form.applyServerError(error);
    const first = fields[0];
    if (first) {
      goTo(courseStepOfField(first));
      focusFirstError(fields);
    }
  };

  const publish = (data: CourseFormParsed) => {
    if (!original) return createCourse.mutate(data, { onSuccess: props.onSaved, onError: onServerError });
    const changes = changedCourseFields(initialPayload, data);
    updateCourse.mutate(
      { courseId: original.id, changes },
      { onSuccess: props.onSaved, onError: onServerError },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step !== 'photos') return next();
    const invalid = form.invalidFields();
    const firstStep = COURSE_FORM_STEPS.find((s) => COURSE_STEP_FIELDS[s].some((f) => invalid.includes(f)));
    if (firstStep) {
      form.checkFields(COURSE_STEP_FIELDS[firstStep]);
      goTo(firstStep);
      return focusFirstError(COURSE_STEP_FIELDS[firstStep].filter((f) => invalid.includes(f)));
    }
    form.handleSubmit(publish)(event);
  };

  const pending = createCourse.isPending || updateCourse.isPending;
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <div ref={top} className={styles.anchor} />
      <Stepper
        steps={COURSE_FORM_STEPS}
        current={step}
        labelOf={(s) => t(`courseForm.steps.${s}`)}
        onSelect={goTo}
      />
      <FormAlert message={form.formError} />
      {step === 'route' && <RouteStep form={form} />}
      {step === 'details' && <DetailsStep form={form} />}
      {step === 'photos' && (
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
      )}
      {/* Not sticky over the map: there it would hide the bottom of the drawing area. */}
      <div className={cx(styles.nav, step !== 'route' && styles.sticky)}>
        {step !== 'route' && (
          <Button variant="outline" size="lg" onClick={previous}>
            {t('courseForm.previous')}
          </Button>
        )}
        {step === 'photos' ? (
          <Button
            type="submit"
            size="lg"
            pending={pending}
            disabled={photosPending}
            className={styles.primary}
          >
            {t(original ? 'courseForm.saveEdit' : 'courseForm.publish')}
          </Button>
        ) : (
          <Button type="submit" size="lg" className={styles.primary}>
            {t('courseForm.next')}
          </Button>
        )}
      </div>
    </form>
  );
}
