import { useId, type ReactNode } from 'react';
import { cx } from '../lib/cx.ts';
import type { Message } from '../lib/messages.ts';
import { describedBy, FieldError } from './field-error.tsx';
import { CheckIcon } from './icons.tsx';
import styles from './choice.module.css';

export interface ChoiceOption<T> {
  /** Stable string for the input's value attribute. */
  key: string;
  value: T;
  label: string;
  description?: string;
}

interface GroupProps {
  name: string;
  legend: string;
  hint?: string;
  error?: Message;
  layout?: 'cards' | 'chips';
}

interface ChoiceGroupProps<T> extends GroupProps {
  options: readonly ChoiceOption<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
}

/** Single choice shown as cards or chips: native radio inputs, so arrow keys and screen readers just work. */
export function ChoiceGroup<T>({
  options,
  value,
  onChange,
  layout = 'cards',
  ...group
}: ChoiceGroupProps<T>) {
  const id = useId();
  return (
    <GroupFrame id={id} layout={layout} {...group}>
      {options.map((option) => (
        <label key={option.key} className={styles.option}>
          <input
            type="radio"
            className={styles.input}
            name={group.name}
            value={option.key}
            checked={Object.is(option.value, value)}
            onChange={() => onChange(option.value)}
            aria-invalid={group.error ? true : undefined}
          />
          <OptionFace option={option} />
        </label>
      ))}
    </GroupFrame>
  );
}

interface MultiChoiceGroupProps<T> extends GroupProps {
  options: readonly ChoiceOption<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
}

/** Several choices, shown as chips by default (checkboxes underneath). */
export function MultiChoiceGroup<T>({
  options,
  values,
  onChange,
  layout = 'chips',
  ...group
}: MultiChoiceGroupProps<T>) {
  const id = useId();
  const toggle = (option: T, checked: boolean) =>
    onChange(checked ? [...values, option] : values.filter((v) => !Object.is(v, option)));
  return (
    <GroupFrame id={id} layout={layout} {...group}>
      {options.map((option) => (
        <label key={option.key} className={styles.option}>
          <input
            type="checkbox"
            className={styles.input}
            name={group.name}
            value={option.key}
            checked={values.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
            aria-invalid={group.error ? true : undefined}
          />
          <OptionFace option={option} />
        </label>
      ))}
    </GroupFrame>
  );
}

function OptionFace<T>({ option }: { option: ChoiceOption<T> }) {
  return (
    <span className={styles.face}>
      <CheckIcon className={styles.check} width={18} height={18} />
      <span className={styles.text}>
        <span className={styles.label}>{option.label}</span>
        {option.description && <span className={styles.description}>{option.description}</span>}
      </span>
    </span>
  );
}

function GroupFrame({
  id,
  legend,
  hint,
  error,
  layout,
  children,
}: GroupProps & { id: string; children: ReactNode }) {
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={describedBy(id, { hint: Boolean(hint), error: Boolean(error) })}
    >
      <legend className={styles.legend}>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      <div className={cx(styles.options, layout === 'chips' ? styles.chips : styles.cards)}>{children}</div>
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}
