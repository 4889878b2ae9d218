import type { Me } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResendVerification } from './resend-verification.tsx';
import styles from './email-verification.module.css';

const DISMISSED_KEY = 'erun.verifyBanner.dismissed';

function dismissedThisSession(): boolean {
  try {
    return window.sessionStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * A gentle reminder for a signed-in account whose address is not verified: never blocking, closed for the
 * rest of the browser session when dismissed.
 */
export function VerifyEmailBanner({ user }: { user: Me }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(dismissedThisSession);
  if (dismissed || user.emailVerified || !user.email) return null;

  function dismiss() {
    try {
      window.sessionStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Storage unavailable: closed on this page only.
    }
    setDismissed(true);
  }

  return (
    <aside className={styles.banner} aria-label={t('emailVerify.banner.label')}>
      <div className={styles.bannerInner}>
        <p className={styles.bannerText}>
          <strong>{t('emailVerify.banner.title')}</strong> —{' '}
          {t('emailVerify.banner.text', { email: user.email })}
        </p>
        <ResendVerification variant="ghost" className={styles.bannerResend} />
        <button
          type="button"
          className={styles.dismiss}
          aria-label={t('emailVerify.banner.dismiss')}
          onClick={dismiss}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </aside>
  );
}
