import type { Me } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { useRemovePhone } from '../api/remove-phone.ts';
import { useSetSmsConsent } from '../api/set-sms-consent.ts';
import styles from './notification-settings.module.css';
import { PhoneVerifyForm } from './phone-verify-form.tsx';

/** The phone number for text notifications: verify, show masked, change or remove, and the SMS consent. */
export function PhoneSettings({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useRemovePhone();
  const consent = useSetSmsConsent();
  // Set in the change handler itself, so the box shows the new state from the very click (the mutation's
  // own pending state arrives a tick later and the controlled box would flick back meanwhile).
  const [consentShown, setConsentShown] = useState<boolean | null>(null);
  const error: Message | null = remove.isError
    ? errorMessage(remove.error)
    : consent.isError
      ? errorMessage(consent.error)
      : null;

  return (
    <div className={styles.block}>
      <h3 className={styles.blockTitle}>{t('notifySettings.phone.title')}</h3>
      <p className={styles.lead}>{t('notifySettings.phone.lead')}</p>
      {me.phoneVerified && !changing ? (
        <div className={styles.verified}>
          <div>
            <p className={styles.note}>{t('notifySettings.phone.verified')}</p>
            <p className={styles.number} data-testid="masked-phone">
              {me.phone}
            </p>
          </div>
          <div className={styles.row}>
            <Button variant="outline" size="sm" onClick={() => setChanging(true)}>
              {t('notifySettings.phone.change')}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              pending={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, { onSuccess: () => setNotice(t('notifySettings.phone.removed')) })
              }
            >
              {t('notifySettings.phone.remove')}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <PhoneVerifyForm
            onVerified={() => {
              setChanging(false);
              setNotice(null);
            }}
          />
          {changing && (
            <Button variant="ghost" size="sm" onClick={() => setChanging(false)}>
              {t('notifySettings.phone.cancelChange')}
            </Button>
          )}
        </>
      )}
      {notice && (
        <p className={styles.live} role="status">
          {notice}
        </p>
      )}
      {me.phoneVerified && (
        <>
          <label className={styles.consent}>
            <input
              type="checkbox"
              className={styles.check}
              checked={consentShown ?? me.smsConsent}
              disabled={consent.isPending}
              onChange={(e) => {
                setConsentShown(e.target.checked);
                consent.mutate(e.target.checked, { onSettled: () => setConsentShown(null) });
              }}
            />
            <span>{t('notifySettings.consent.label')}</span>
          </label>
          <details className={styles.details} open={!me.smsConsent}>
            <summary>{t('notifySettings.consent.details')}</summary>
            <ul>
              <li>{t('notifySettings.consent.items')}</li>
              <li>{t('notifySettings.consent.purpose')}</li>
              <li>{t('notifySettings.consent.retention')}</li>
              <li>{t('notifySettings.consent.refuse')}</li>
            </ul>
          </details>
        </>
      )}
      <FormAlert message={error} />
    </div>
  );
}
