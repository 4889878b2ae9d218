import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import styles from './auth-page.module.css';

/** `/reset-password?token=…`, the mailed link: a new password, or a way to ask again when the link is void. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [invalid, setInvalid] = useState(token === '');
  useDocumentTitle(t(invalid ? 'password.reset.invalidTitle' : 'password.reset.title'));
  return (
    <div className={styles.wrap}>
      <div className={styles.card}>
        <div className={styles.head}>
          <h1 className={styles.title}>
            {t(invalid ? 'password.reset.invalidTitle' : 'password.reset.title')}
          </h1>
          <p className={styles.lead} role={invalid ? 'alert' : undefined}>
            {t(invalid ? 'password.reset.invalidLead' : 'password.reset.lead')}
          </p>
        </div>
        {invalid ? (
          <ButtonLink to="/forgot-password" size="lg" block>
            {t('password.reset.askAgain')}
          </ButtonLink>
        ) : (
          <ResetPasswordForm token={token} onInvalid={() => setInvalid(true)} />
        )}
      </div>
    </div>
  );
}
