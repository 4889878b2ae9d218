import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { OAuthErrorAlert } from '../../features/auth/components/oauth-error-alert.tsx';
import { SocialLogin } from '../../features/auth/components/social-login.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { safeNext } from '../shell/guards.tsx';
import { LogoMark } from '../shell/logo.tsx';
import styles from './auth-page.module.css';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useDocumentTitle(t('auth.login.title'));
  const next = safeNext(params.get('next'));
  const signupPath = next ? `/signup?next=${encodeURIComponent(next)}` : '/signup';

  return (
    <div className={styles.wrap}>
      <div className={styles.card}>
        <div className={styles.head}>
          <LogoMark size={48} />
          <h1 className={styles.title}>{t('auth.login.title')}</h1>
          <p className={styles.lead}>{t('auth.login.lead')}</p>
        </div>
        <OAuthErrorAlert error={params.get('error')} />
        <LoginForm />
        <Link to="/forgot-password" className={styles.forgot}>
          {t('password.forgotLink')}
        </Link>
        <SocialLogin />
        <p className={styles.switch}>
          {t('auth.login.noAccount')} <Link to={signupPath}>{t('auth.login.toSignup')}</Link>
        </p>
        <Link to="/" className={styles.back}>
          {t('auth.backHome')}
        </Link>
      </div>
    </div>
  );
}
