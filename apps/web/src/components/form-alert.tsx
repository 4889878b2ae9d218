import { useTranslation } from 'react-i18next';
import type { Message } from '../lib/messages.ts';
import { AlertIcon } from './icons.tsx';
import styles from './form-alert.module.css';

/** A form-level error (not tied to one field), announced when it appears. */
export function FormAlert({ message }: { message: Message | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <div role="alert" className={styles.alert}>
      <AlertIcon className={styles.icon} width={20} height={20} />
      <p>{t(message.key, message.values)}</p>
    </div>
  );
}
