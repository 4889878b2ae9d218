import type { CreateRunParsed, Image, Run } from '@erun/contracts';
import { RUN_LIMITS } from '@erun/contracts';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { FormAlert } from '../../../../components/form-alert.tsx';
import { Stepper } from '../../../../components/stepper.tsx';
import { cx } from '../../../../lib/cx.ts';
import type { Message } from '../../../../lib/messages.ts';
import { useZodForm } from '../../../../lib/form.ts';
import { useCreateRun } from '../../api/create-run.ts';
import { useUpdateRun } from '../../api/update-run.ts';
import type { RunDraft } from '../../utils/run-draft.ts';
import {
  changedFields,
  FIELD_MESSAGES,
  ISSUE_FIELDS,
  RUN_FORM_STEPS,
  runFormSchema,
  STEP_FIELDS,
  stepOfField,
  toPayload,
  type RunFormField,
  type RunFormStep,
  type RunFormValues,
} from '../../utils/run-form.ts';
import type { RunHost } from '../../utils/run-preview.ts';
import { CourseStep } from './course-step.tsx';
import { DetailsStep } from './details-step.tsx';
import { PhotosStep } from './photos-step.tsx';
import styles from './run-form.module.css';

/** What the page plugs in as the photos field (uploads live in another feature). */
export interface PhotosFieldProps {
  photos: Image[];
  onChange: (photos: Image[]) => void;
  max: number;
  onPendingChange: (pending: boolean) => void;
  error?: Message;
}

interface RunFormProps {
  initial: RunFormValues;
  initialStep?: RunFormStep;
  /** Editing this run; creating a new one when absent. */
  original?: Run;
  host: RunHost;
  renderPhotosField: (field: PhotosFieldProps) => ReactNode;
  onDraftChange?: (draft: RunDraft) => void;
  onSaved: (run: Run) => void;
}

/** Post or edit a run in three steps: course, details, photos (with a preview of the card). */
export function RunForm({ initial, initialStep = 'course', original, host, ...props }: RunFormProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<RunFormStep>(initialStep);
  const [photosPending, setPhotosPending] = useState(false);
  const createRun = useCreateRun();
  const updateRun = useUpdateRun();
  const [initialPayload] = useState(() => toPayload(initial));
  const form = useZodForm(runFormSchema({ now: Date.now, originalStartsAt: original?.startsAt }), initial, {
    issueFields: ISSUE_FIELDS,
    fieldMessages: FIELD_MESSAGES,
    codeFields: { START_TOO_SOON: 'startTime', UPLOAD_NOT_FOUND: 'photos' },
  });
  const top = useRef<HTMLDivElement>(null);
  const { onDraftChange } = props;

  useEffect(() => onDraftChange?.({ values: form.values, step }), [form.values, step, onDraftChange]);

  const goTo = (next: RunFormStep) => {
    setStep(next);
    top.current?.scrollIntoView?.({ block: 'start' });
  };

  const focusFirstError = (fields: readonly RunFormField[]) =>
    // After the step's fields are on screen.
    window.setTimeout(() => {
      const first = fields.map((f) => document.querySelector<HTMLElement>(`[name="${f}"]`)).find(Boolean);
      first?.focus();
    });

  const next = () => {
    const fields = STEP_FIELDS[step];
    if (!form.checkFields(fields))
      return focusFirstError(fields.filter((f) => form.invalidFields().includes(f)));
    const index = RUN_FORM_STEPS.indexOf(step);
    goTo(RUN_FORM_STEPS[index + 1] ?? step);
  };

  const previous = () => goTo(RUN_FORM_STEPS[RUN_FORM_STEPS.indexOf(step) - 1] ?? step);

  const onServerError = (error: unknown) => {
    const fields = form.applyServerError(error);
    const first = fields[0];
    if (first) {
      goTo(stepOfField(first));
      focusFirstError(fields);
    }
  };

  const publish = (data: CreateRunParsed) => {
    if (!original) return createRun.mutate(data, { onSuccess: props.onSaved, onError: onServerError });
    const changes = changedFields(initialPayload, data);
    updateRun.mutate({ runId: original.id, changes }, { onSuccess: props.onSaved, onError: onServerError });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step !== 'photos') return next();
    const invalid = form.invalidFields();
    const firstStep = RUN_FORM_STEPS.find((s) => STEP_FIELDS[s].some((f) => invalid.includes(f)));
    if (firstStep) {
      form.checkFields(STEP_FIELDS[firstStep]);
      goTo(firstStep);
      return focusFirstError(STEP_FIELDS[firstStep].filter((f) => invalid.includes(f)));
    }
    form.handleSubmit(publish)(event);
  };

  const pending = createRun.isPending || updateRun.isPending;
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <div ref={top} className={styles.anchor} />
      <Stepper
        steps={RUN_FORM_STEPS}
        current={step}
        labelOf={(s) => t(`runForm.steps.${s}`)}
        onSelect={goTo}
      />
      <FormAlert message={form.formError} />
      {step === 'course' && <CourseStep form={form} />}
      {step === 'details' && <DetailsStep form={form} />}
      {step === 'photos' && (
        <PhotosStep form={form} host={host}>
          {props.renderPhotosField({
            photos: form.values.photos,
            onChange: (photos) => form.setValue('photos', photos),
            max: RUN_LIMITS.photosMax,
            onPendingChange: setPhotosPending,
            error: form.errorOf('photos'),
          })}
        </PhotosStep>
      )}
      {/* Not sticky over the map: there it would hide the bottom of the drawing area. */}
      <div className={cx(styles.nav, step !== 'course' && styles.sticky)}>
        {step !== 'course' && (
          <Button variant="outline" size="lg" onClick={previous}>
            {t('runForm.previous')}
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
            {t(original ? 'runForm.saveEdit' : 'runForm.publish')}
          </Button>
        ) : (
          <Button type="submit" size="lg" className={styles.primary}>
            {t('runForm.next')}
          </Button>
        )}
      </div>
    </form>
  );
}
