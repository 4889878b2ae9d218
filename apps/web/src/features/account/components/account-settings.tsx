import { useTranslation } from 'react-i18next';
import styles from '../../../app/routes/page.module.css';

/** Sign-in methods, data export and account deletion (issue 6). */
export function AccountSettings() {
  const { t } = useTranslation();
  return (
    <section className={styles.section} aria-labelledby="settings-account">
      <h2 id="settings-account" className={styles.sectionTitle}>
        {t('settings.account.title')}
      </h2>
    </section>
  );
}
