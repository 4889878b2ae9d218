import { useTranslation } from 'react-i18next';
import type { Message } from '../lib/messages.ts';
import { AlertIcon } from './icons.tsx';
import styles from './field.module.css';

/** The error line under a field: an icon and text, so colour is never the only signal. */
export function FieldError({ id, error }: { id: string; error?: Message | null }) {
  const { t } = useTranslation();
  return (
    <p id={id} className={styles.error} aria-live="polite">
      {error && (
        <>
          <AlertIcon className={styles.errorIcon} width={16} height={16} />
          {t(error.key, error.values)}
        </>
      )}
    </p>
  );
}

/** The ids a control's aria-describedby lists: its hint, counter and error, when present. */
export function describedBy(id: string, parts: { hint?: boolean; counter?: boolean; error?: boolean }) {
  const ids = [
    parts.hint && `${id}-hint`,
    parts.counter && `${id}-counter`,
    parts.error && `${id}-error`,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
