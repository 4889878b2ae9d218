import type { ConsentState, MarketingConsent } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import styles from '../../../components/page.module.css';
import { formatConsentDate } from '../format-date.ts';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { useAcceptConsents } from '../api/accept-consents.ts';
import { useMyConsents } from '../api/get-my-consents.ts';
import own from './marketing-settings.module.css';

type Channel = 'marketingEmail' | 'marketingSms';
const CHANNELS: Channel[] = ['marketingEmail', 'marketingSms'];

/** Settings: news and offers by email and by text, each with the date of the choice; and what I accepted. */
export function MarketingSettings() {
  const { t } = useTranslation();
  const consents = useMyConsents();
  return (
    <section className={styles.section} aria-labelledby="settings-marketing">
      <h2 id="settings-marketing" className={styles.sectionTitle}>
        {t('consent.settings.title')}
      </h2>
      <p className={own.text}>{t('consent.settings.description')}</p>
      {consents.data ? (
        <Choices state={consents.data} />
      ) : (
        <FormAlert message={consents.isError ? errorMessage(consents.error) : null} />
      )}
    </section>
  );
}

function Choices({ state }: { state: ConsentState }) {
  const { t, i18n } = useTranslation();
  const accept = useAcceptConsents();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const dateOf = (at: string) => formatConsentDate(at, i18n.language);
  const noteOf = (choice: MarketingConsent) =>
    choice.at === null
      ? t('consent.settings.never')
      : t(choice.granted ? 'consent.settings.agreedOn' : 'consent.settings.declinedOn', {
          date: dateOf(choice.at),
        });

  const change = (channel: Channel, granted: boolean) => {
    setError(null);
    setStatus(null);
    const name = t(`consent.channels.${channel}`);
    accept.mutate(
      { accept: [], [channel]: granted },
      {
        onSuccess: () =>
          setStatus(t(granted ? 'consent.settings.savedOn' : 'consent.settings.savedOff', { channel: name })),
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  return (
    <>
      <ul className={own.list}>
        {CHANNELS.map((channel) => {
          const choice = state[channel];
          const noteId = `marketing-${channel}-note`;
          return (
            <li key={channel} className={own.row}>
              <label className={own.toggle}>
                <input
                  type="checkbox"
                  role="switch"
                  className={own.check}
                  checked={choice.granted}
                  disabled={accept.isPending}
                  aria-describedby={noteId}
                  onChange={(e) => change(channel, e.target.checked)}
                />
                <span>
                  {t(channel === 'marketingEmail' ? 'consent.settings.email' : 'consent.settings.sms')}
                </span>
              </label>
              <span id={noteId} className={own.note}>
                {noteOf(choice)}
              </span>
            </li>
          );
        })}
      </ul>
      <p role="status" className={own.status}>
        {status}
      </p>
      <FormAlert message={error} />
      <details className={own.details}>
        <summary>{t('consent.settings.documents')}</summary>
        <ul>
          {state.accepted
            .filter((a) => a.document === 'terms' || a.document === 'privacy' || a.document === 'age14')
            .map((a) => (
              <li key={a.document}>
                {a.document === 'age14'
                  ? `${t('consent.settings.age14')} · ${dateOf(a.at)}`
                  : t('consent.settings.acceptedVersion', {
                      document: t(`consent.docs.${a.document}`),
                      version: a.version,
                      date: dateOf(a.at),
                    })}
              </li>
            ))}
        </ul>
      </details>
    </>
  );
}
