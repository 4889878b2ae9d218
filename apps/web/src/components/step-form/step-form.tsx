import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { cx } from '../../lib/cx.ts';
import type { Draft } from '../../lib/draft-store.ts';
import type { Message } from '../../lib/messages.ts';
import { Button } from '../button.tsx';
import { FormAlert } from '../form-alert.tsx';
import { Stepper } from '../stepper.tsx';
import styles from './step-form.module.css';

/** What the shell needs of the form state (`useZodForm`'s result). */
export interface StepFormState<V, F extends string, Out> {
  values: V;
  formError: Message | null;
  checkFields: (names: readonly F[]) => boolean;
  invalidFields: () => F[];
  applyServerError: (error: unknown) => F[];
  handleSubmit: (onValid: (data: Out) => void) => (event: FormEvent<HTMLFormElement>) => void;
}

interface StepFormProps<V, S extends string, F extends string, Out> {
  form: StepFormState<V, F, Out>;
  /** The steps in order; the last one publishes. */
  steps: readonly [S, ...S[]];
  /** The fields each step checks before the next one opens. */
  stepFields: Record<S, readonly F[]>;
  initialStep?: S;
  /** Where a server error about a field no step lists is shown (default: the current step). */
  fallbackStep?: S;
  labels: { step: (step: S) => string; previous: string; next: string; submit: string };
  /** The save call is under way. */
  pending: boolean;
  /** Publishing waits for this (e.g. photos still uploading). */
  submitDisabled?: boolean;
  onDraftChange?: (draft: Draft<V, S>) => void;
  /** Valid data to save; `onError` puts the server's errors beside their fields. */
  onPublish: (data: Out, onError: (error: unknown) => void) => void;
  /** The step's fields. */
  children: (step: S) => ReactNode;
}

/**
 * A form in steps (a run, a course…): the stepper, the previous/next/publish bar, a check of each step's
 * fields before the next, the first invalid field focused, and the step a server error is about reopened.
 */
export function StepForm<V, S extends string, F extends string, Out>({
  form,
  steps,
  stepFields,
  initialStep = steps[0],
  fallbackStep,
  labels,
  pending,
  submitDisabled = false,
  onDraftChange,
  onPublish,
  children,
}: StepFormProps<V, S, F, Out>) {
  const [step, setStep] = useState<S>(initialStep);
  const top = useRef<HTMLDivElement>(null);
  const first = steps[0];
  const last = steps[steps.length - 1];

  useEffect(() => onDraftChange?.({ values: form.values, step }), [form.values, step, onDraftChange]);

  const goTo = (next: S) => {
    setStep(next);
    top.current?.scrollIntoView?.({ block: 'start' });
  };

  const focusFirstError = (fields: readonly F[]) =>
    // After the step's fields are on screen.
    window.setTimeout(() => {
      const field = fields.map((f) => document.querySelector<HTMLElement>(`[name="${f}"]`)).find(Boolean);
      field?.focus();
    });

  const next = () => {
    const fields = stepFields[step];
    if (!form.checkFields(fields))
      return focusFirstError(fields.filter((f) => form.invalidFields().includes(f)));
    goTo(steps[steps.indexOf(step) + 1] ?? step);
  };

  const previous = () => goTo(steps[steps.indexOf(step) - 1] ?? step);

  const onServerError = (error: unknown) => {
    const fields = form.applyServerError(error);
    const field = fields[0];
    if (field) {
      goTo(steps.find((s) => stepFields[s].includes(field)) ?? fallbackStep ?? step);
      focusFirstError(fields);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step !== last) return next();
    const invalid = form.invalidFields();
    const firstStep = steps.find((s) => stepFields[s].some((f) => invalid.includes(f)));
    if (firstStep) {
      form.checkFields(stepFields[firstStep]);
      goTo(firstStep);
      return focusFirstError(stepFields[firstStep].filter((f) => invalid.includes(f)));
    }
    form.handleSubmit((data) => onPublish(data, onServerError))(event);
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <div ref={top} className={styles.anchor} />
      <Stepper steps={steps} current={step} labelOf={labels.step} onSelect={goTo} />
      <FormAlert message={form.formError} />
      {children(step)}
      {/* Not sticky on the first step: over its map it would hide the bottom of the drawing area. */}
      <div className={cx(styles.nav, step !== first && styles.sticky)}>
        {step !== first && (
          <Button variant="outline" size="lg" onClick={previous}>
            {labels.previous}
          </Button>
        )}
        {step === last ? (
          <Button
            type="submit"
            size="lg"
            pending={pending}
            disabled={submitDisabled}
            className={styles.primary}
          >
            {labels.submit}
          </Button>
        ) : (
          <Button type="submit" size="lg" className={styles.primary}>
            {labels.next}
          </Button>
        )}
      </div>
    </form>
  );
}
