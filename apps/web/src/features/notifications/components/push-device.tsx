import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { cx } from '../../../lib/cx.ts';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { useWebPush } from '../hooks/use-web-push.ts';
import styles from './notification-settings.module.css';

/** Turns web push on or off for this browser, with its current state. */
export function PushDevice() {
  const { t } = useTranslation();
  const { state, enable, disable } = useWebPush();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Message | null>(null);

  const run = (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    action()
      .catch((e: unknown) =>
        setError(e instanceof ApiError ? errorMessage(e) : { key: 'notifySettings.push.failed' }),
      )
      .finally(() => setPending(false));
  };

  return (
    <div className={styles.block}>
      <h3 className={styles.blockTitle}>{t('notifySettings.push.title')}</h3>
      <p className={styles.status} role="status" data-push-state={state}>
        <span
          aria-hidden="true"
          className={cx(styles.dot, state === 'on' && styles.dotOn, state === 'denied' && styles.dotWarn)}
        />
        <span>{t(`notifySettings.push.${state}`)}</span>
      </p>
      {state === 'off' && (
        <Button variant="primary" pending={pending} onClick={() => run(enable)}>
          {t('notifySettings.push.enable')}
        </Button>
      )}
      {state === 'on' && (
        <Button variant="outline" pending={pending} onClick={() => run(disable)}>
          {t('notifySettings.push.disable')}
        </Button>
      )}
      <FormAlert message={error} />
    </div>
  );
}
