import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from '../../../components/page.module.css';
import type { Me } from '@erun/contracts';
import { ChannelTable } from './channel-table.tsx';
import own from './notification-settings.module.css';
import { PhoneSettings } from './phone-settings.tsx';
import { PushDevice } from './push-device.tsx';

/**
 * Notification channels per category, web push and the phone number for SMS (issue 5). `pushNote`: shown under
 * the web push switch (the app's note on iPhones, which need the installed app).
 */
export function NotificationSettings({ me, pushNote }: { me: Me | undefined; pushNote?: ReactNode }) {
  const { t } = useTranslation();
  const smsReady = me !== undefined && me.phoneVerified && me.smsConsent;
  return (
    <section className={styles.section} aria-labelledby="settings-notifications">
      <h2 id="settings-notifications" className={styles.sectionTitle}>
        {t('settings.notifications.title')}
      </h2>
      <p className={own.lead}>{t('notifySettings.lead')}</p>
      <ChannelTable smsReady={smsReady} />
      <PushDevice />
      {pushNote}
      {me && <PhoneSettings me={me} />}
    </section>
  );
}
