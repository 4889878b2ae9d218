import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../lib/cx.ts';
import type { Message } from '../lib/messages.ts';
import { describedBy, FieldError } from './field-error.tsx';
import styles from './field.module.css';

interface FieldProps {
  label: string;
  hint?: string;
  error?: Message;
}

export function TextField({
  label,
  hint,
  error,
  className,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={cx(styles.field, className)}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        className={cx(styles.control, error && styles.invalid)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), error: Boolean(error) })}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

type TextAreaProps = FieldProps &
  TextareaHTMLAttributes<HTMLTextAreaElement> & { value: string; maxLength: number };

/** A multi-line field with a character counter. */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  value,
  maxLength,
  ...textarea
}: TextAreaProps) {
  const id = useId();
  const { t } = useTranslation();
  return (
    <div className={cx(styles.field, className)}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <textarea
        id={id}
        className={cx(styles.control, styles.textarea, error && styles.invalid)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), counter: true, error: Boolean(error) })}
        value={value}
        maxLength={maxLength}
        {...textarea}
      />
      <div className={styles.meta}>
        {hint && (
          <p id={`${id}-hint`} className={styles.hint}>
            {hint}
          </p>
        )}
        <p id={`${id}-counter`} className={styles.counter}>
          {t('form.counter', { count: value.length, max: maxLength })}
        </p>
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
