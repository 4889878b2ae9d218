import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccountSettings } from '../../features/account/components/account-settings.tsx';
import { BlockedUsers } from '../../features/blocks/components/blocked-users.tsx';
import { SavedSearchesSettings } from '../../features/saved-searches/components/saved-searches-settings.tsx';
import { EmailSettings } from '../../features/auth/components/email-settings.tsx';
import { MarketingSettings } from '../../features/legal/components/marketing-settings.tsx';
import { PasswordSettings } from '../../features/auth/components/password-settings.tsx';
import { InstallPushNote } from '../../features/install/components/install-push-note.tsx';
import { NotificationSettings } from '../../features/notifications/components/notification-settings.tsx';
import { SignedInDevices } from '../../features/sessions/components/signed-in-devices.tsx';
import { useMe } from '../../features/users/api/get-me.ts';
import { GenderSettings } from '../../features/users/components/gender-settings.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { cx } from '../../lib/cx.ts';
import styles from '../../components/page.module.css';

/**
 * `/me/settings`: how I sign in (address, password, devices), what reaches me (notifications, marketing), whom
 * I blocked, then the account (sign-in methods, export, deletion last).
 */
export function MeSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('settings.title'));
  return (
    <div className={cx(styles.page, styles.narrow)}>
      <div className={styles.head}>
        <Link to="/me" className={styles.back}>
          {t('settings.back')}
        </Link>
        <h1 className={styles.title}>{t('settings.title')}</h1>
      </div>
      <GenderSettings me={me.data} />
      <EmailSettings me={me.data} />
      <PasswordSettings me={me.data} />
      <SignedInDevices />
      <NotificationSettings me={me.data} pushNote={<InstallPushNote />} />
      <SavedSearchesSettings />
      <MarketingSettings />
      <BlockedUsers />
      <AccountSettings me={me.data} />
    </div>
  );
}
