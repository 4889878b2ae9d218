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

type TextFieldProps = FieldProps &
  InputHTMLAttributes<HTMLInputElement> & {
    /**
     * The longest text allowed: a live "n/max자" counter, and no maxLength, so that a longer text (typed or
     * pasted) is said by the field's error instead of being cut silently.
     */
    counterMax?: number;
  };

export function TextField({ label, hint, error, className, counterMax, ...input }: TextFieldProps) {
  const id = useId();
  const { t } = useTranslation();
  const length = typeof input.value === 'string' ? input.value.length : 0;
  const counter = counterMax !== undefined;
  const hintText = hint && (
    <p id={`${id}-hint`} className={styles.hint}>
      {hint}
    </p>
  );
  return (
    <div className={cx(styles.field, className)}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        className={cx(styles.control, error && styles.invalid)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), counter, error: Boolean(error) })}
        {...input}
      />
      {counter ? (
        <div className={styles.meta}>
          {hintText}
          <p id={`${id}-counter`} className={cx(styles.counter, length > counterMax && styles.over)}>
            {t('form.counter', { count: length, max: counterMax })}
          </p>
        </div>
      ) : (
        hintText
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
