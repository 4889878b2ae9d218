import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../lib/messages.ts';
import { FieldError } from './field-error.tsx';
import styles from './consent-checklist.module.css';
import hidden from './visually-hidden.module.css';

export interface ConsentItem {
  id: string;
  /** The label as shown, "[필수] 이용약관 동의". */
  label: string;
  checked: boolean;
  /** Unticked, it carries `invalidName`, so a form's submit focuses the first of them. */
  required?: boolean;
  /** A required item not ticked after a submit: marked invalid. */
  invalid?: boolean;
  /** The full text, opened in a new tab. */
  href?: string;
  /** The document's name for the "view" link's accessible name ("이용약관 보기"). */
  documentName?: string;
  /** Sub-choices shown under the item (marketing by e-mail / by text): the item is their group. */
  choices?: { id: string; label: string; checked: boolean }[];
}

interface ConsentChecklistProps {
  legend: string;
  /** "전체 동의": ticks or clears every item and choice. */
  allLabel: string;
  items: ConsentItem[];
  onChange: (id: string, checked: boolean) => void;
  onAll: (checked: boolean) => void;
  error?: Message | null;
  /** The name of unticked required items (what the form's submit looks for to focus). */
  invalidName?: string;
}

/** A consent list as Korean services show it: "agree to all", then each document with a link to its text. */
export function ConsentChecklist({
  legend,
  allLabel,
  items,
  onChange,
  onAll,
  error,
  invalidName,
}: ConsentChecklistProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const all = items.every((item) => item.checked && (item.choices ?? []).every((c) => c.checked));
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      <label className={`${styles.row} ${styles.all}`}>
        <input
          type="checkbox"
          className={styles.check}
          checked={all}
          onChange={(e) => onAll(e.target.checked)}
        />
        <span>{allLabel}</span>
      </label>
      <ul className={styles.items}>
        {items.map((item) =>
          item.choices ? (
            <li key={item.id}>
              <fieldset className={styles.group}>
                <legend className={styles.groupLegend}>{item.label}</legend>
                <div className={styles.choices}>
                  {item.choices.map((choice) => (
                    <label key={choice.id} className={styles.row}>
                      <input
                        type="checkbox"
                        className={styles.check}
                        checked={choice.checked}
                        onChange={(e) => onChange(choice.id, e.target.checked)}
                      />
                      <span>{choice.label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          ) : (
            <li key={item.id} className={styles.item}>
              <label className={styles.row}>
                <input
                  type="checkbox"
                  className={styles.check}
                  name={item.required && !item.checked ? invalidName : undefined}
                  checked={item.checked}
                  aria-invalid={item.invalid && !item.checked ? true : undefined}
                  aria-describedby={item.invalid && !item.checked ? errorId : undefined}
                  onChange={(e) => onChange(item.id, e.target.checked)}
                />
                <span>{item.label}</span>
              </label>
              {item.href && (
                <a className={styles.view} href={item.href} target="_blank" rel="noopener">
                  {t('consent.view')}
                  <span className={hidden.srOnly}>
                    {` ${item.documentName ?? item.label} · ${t('consent.newTab')}`}
                  </span>
                </a>
              )}
            </li>
          ),
        )}
      </ul>
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}
