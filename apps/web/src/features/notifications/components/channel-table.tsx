import {
  NOTIFICATION_CATEGORIES,
  SMS_CATEGORIES,
  type NotificationCategory,
  type NotificationPreferences,
} from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { useNotificationPreferences } from '../api/get-notification-preferences.ts';
import { useUpdateNotificationPreferences } from '../api/update-notification-preferences.ts';
import styles from './notification-settings.module.css';

const SMS = new Set<string>(SMS_CATEGORIES);

/** Categories × channels; each toggle saves the whole map at once. */
export function ChannelTable({ smsReady }: { smsReady: boolean }) {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  // Shown at once on click (a controlled checkbox would otherwise snap back until the mutation state arrives).
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  if (prefs.isError) return <FormAlert message={errorMessage(prefs.error)} />;
  if (!prefs.data) return <p className={styles.note}>{t('notifySettings.push.checking')}</p>;
  const current = draft ?? prefs.data;

  const toggle = (category: NotificationCategory, channel: 'push' | 'sms', value: boolean) => {
    const next: NotificationPreferences = {
      ...current,
      [category]: { ...current[category], [channel]: value },
    };
    setDraft(next);
    update.mutate(next, { onSettled: () => setDraft(null) });
  };

  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption>{t('notifySettings.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('notifySettings.table.category')}</th>
            <th scope="col">{t('notifySettings.table.inApp')}</th>
            <th scope="col">{t('notifySettings.table.push')}</th>
            <th scope="col">{t('notifySettings.table.sms')}</th>
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_CATEGORIES.map((category) => {
            const label = t(`notifySettings.categories.${category}`);
            const choice = current[category];
            return (
              <tr key={category}>
                <th scope="row">{label}</th>
                <td>
                  <label className={styles.cell}>
                    <input
                      type="checkbox"
                      className={styles.check}
                      checked
                      disabled
                      aria-label={`${label} · ${t('notifySettings.table.inApp')} (${t('notifySettings.table.always')})`}
                    />
                  </label>
                </td>
                <td>
                  <label className={styles.cell}>
                    <input
                      type="checkbox"
                      className={styles.check}
                      checked={choice.push}
                      disabled={update.isPending}
                      onChange={(e) => toggle(category, 'push', e.target.checked)}
                      aria-label={`${label} · ${t('notifySettings.table.push')}`}
                    />
                  </label>
                </td>
                <td>
                  {SMS.has(category) ? (
                    <label className={styles.cell}>
                      <input
                        type="checkbox"
                        className={styles.check}
                        checked={choice.sms && smsReady}
                        disabled={update.isPending || !smsReady}
                        onChange={(e) => toggle(category, 'sms', e.target.checked)}
                        aria-label={`${label} · ${t('notifySettings.table.sms')}`}
                      />
                    </label>
                  ) : (
                    <span className={styles.dash} title={t('notifySettings.table.notOffered')}>
                      <span aria-hidden="true">–</span>
                      <span className={styles.srOnly}>{t('notifySettings.table.notOffered')}</span>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!smsReady && <p className={styles.note}>{t('notifySettings.table.smsNeedsPhone')}</p>}
      {update.isError && <FormAlert message={{ key: 'notifySettings.table.saveFailed' }} />}
    </div>
  );
}
