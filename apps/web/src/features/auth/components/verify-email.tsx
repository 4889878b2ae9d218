import type { Me } from '@erun/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../../components/button.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { useConfirmEmailToken } from '../api/confirm-email-token.ts';
import { ResendVerification } from './resend-verification.tsx';
import styles from './email-verification.module.css';

function failureOf(error: unknown): Message {
  if (error instanceof ApiError && error.code === 'VERIFICATION_TOKEN_INVALID') {
    return { key: 'emailVerify.page.invalid' };
  }
  if (error instanceof ApiError && error.code === 'EMAIL_TAKEN') return { key: 'emailVerify.page.taken' };
  return errorMessage(error);
}

/**
 * `/verify-email?token=…`: follows the mailed link once, signed in or not (it is often opened on a phone that
 * is not signed in), and says how it went. The token leaves the address bar at once, so a reload does not
 * spend it again; a failure offers another mail (signed in) or the way to sign in for one.
 */
export function VerifyEmail({ user }: { user: Me | null }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [token] = useState(() => params.get('token'));
  const confirm = useConfirmEmailToken();
  const { mutate } = confirm;
  const started = useRef(false);

  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    mutate(token);
    setParams({}, { replace: true });
  }, [token, mutate, setParams]);

  const state = !token || confirm.isError ? 'failed' : confirm.isSuccess ? 'done' : 'verifying';
  const failure = !token ? { key: 'emailVerify.page.missing' } : failureOf(confirm.error);

  return (
    <div className={styles.result}>
      <p role="status" aria-live="polite">
        {state === 'verifying' && t('emailVerify.page.verifying')}
        {state === 'done' && <strong>{t('emailVerify.page.done')}</strong>}
        {state === 'failed' && <strong>{t('emailVerify.page.failed')}</strong>}
      </p>
      {state === 'done' && (
        <>
          <p>{t('emailVerify.page.doneLead')}</p>
          {user ? (
            <ButtonLink to="/" size="lg">
              {t('emailVerify.page.home')}
            </ButtonLink>
          ) : (
            <ButtonLink to="/login" size="lg">
              {t('emailVerify.page.login')}
            </ButtonLink>
          )}
        </>
      )}
      {state === 'failed' && (
        <>
          <p>{t(failure.key, failure.values)}</p>
          {user && !user.emailVerified && user.email && (
            <ResendVerification label={t('emailVerify.page.resend')} variant="primary" />
          )}
          {user && (user.emailVerified || !user.email) && (
            <ButtonLink to="/me/settings" variant="outline">
              {t('emailVerify.page.settings')}
            </ButtonLink>
          )}
          {!user && (
            <>
              <p>{t('emailVerify.page.signInToResend')}</p>
              <ButtonLink to={`/login?next=${encodeURIComponent('/me/settings')}`}>
                {t('emailVerify.page.login')}
              </ButtonLink>
            </>
          )}
        </>
      )}
    </div>
  );
}
