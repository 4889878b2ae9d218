import { useTranslation } from 'react-i18next';
import styles from './install-push-note.module.css';

/** iPhones deliver web push only to the app added to the home screen (iOS 16.4 and later). */
export function InstallPushNote() {
  const { t } = useTranslation();
  return <p className={styles.note}>{t('install.pushNote')}</p>;
}
