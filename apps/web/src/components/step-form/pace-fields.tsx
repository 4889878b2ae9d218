import { useId, type ReactNode } from 'react';
import { cx } from '../../lib/cx.ts';
import type { Message } from '../../lib/messages.ts';
import { describedBy, FieldError } from '../field-error.tsx';
import styles from './step-form.module.css';

type PaceField = 'paceMin' | 'paceSec';

interface PaceFieldsProps {
  legend: string;
  units: { minutes: string; seconds: string };
  /** Below the inputs: the pace read back, or what to enter. */
  hint: ReactNode;
  values: Record<PaceField, string>;
  onChange: (field: PaceField, value: string) => void;
  /** Both inputs are checked as one field (the minutes'). */
  onBlur: () => void;
  error?: Message;
}

/** A pace per km as minutes and seconds, in one fieldset with one hint and one error. */
export function PaceFields({ legend, units, hint, values, onChange, onBlur, error }: PaceFieldsProps) {
  const id = useId();
  const input = (field: PaceField) => ({
    type: 'number',
    inputMode: 'numeric' as const,
    name: field,
    className: cx(styles.control, error && styles.invalid),
    value: values[field],
    onChange: (event: { target: { value: string } }) => onChange(field, event.target.value),
    onBlur,
    'aria-invalid': error ? true : undefined,
  });
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={describedBy(`${id}-pace`, { hint: true, error: Boolean(error) })}
    >
      <legend className={styles.label}>{legend}</legend>
      <div className={styles.paceInputs}>
        <label className={styles.unitField}>
          <input {...input('paceMin')} min={2} max={20} />
          <span>{units.minutes}</span>
        </label>
        <label className={styles.unitField}>
          <input {...input('paceSec')} min={0} max={59} step={5} />
          <span>{units.seconds}</span>
        </label>
      </div>
      <p id={`${id}-pace-hint`} className={styles.hint}>
        {hint}
      </p>
      <FieldError id={`${id}-pace-error`} error={error} />
    </fieldset>
  );
}
