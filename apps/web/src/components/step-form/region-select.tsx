import { REGIONS, type Region } from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../lib/messages.ts';
import { describedBy, FieldError } from '../field-error.tsx';
import styles from './step-form.module.css';

interface RegionSelectProps {
  label: string;
  placeholder: string;
  value: Region | '';
  onChange: (region: Region) => void;
  /** Shown while the value is the one the route's start suggests. */
  suggestedHint?: string;
  error?: Message;
}

/** The region of a post, with a hint while it follows the route's start point. */
export function RegionSelect({
  label,
  placeholder,
  value,
  onChange,
  suggestedHint,
  error,
}: RegionSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={`${id}-region`} className={styles.label}>
        {label}
      </label>
      <select
        id={`${id}-region`}
        name="region"
        className={styles.control}
        value={value}
        onChange={(event) => onChange(event.target.value as Region)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-region`, {
          hint: suggestedHint !== undefined,
          error: Boolean(error),
        })}
      >
        <option value="">{placeholder}</option>
        {REGIONS.map((code) => (
          <option key={code} value={code}>
            {t(`region.${code}`)}
          </option>
        ))}
      </select>
      {suggestedHint !== undefined && (
        <p id={`${id}-region-hint`} className={styles.hint}>
          {suggestedHint}
        </p>
      )}
      <FieldError id={`${id}-region-error`} error={error} />
    </div>
  );
}
