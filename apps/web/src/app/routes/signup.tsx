import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SignupForm } from '../../features/auth/components/signup-form.tsx';
import { SocialLogin } from '../../features/auth/components/social-login.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { safeNext } from '../shell/guards.tsx';
import { LogoMark } from '../shell/logo.tsx';
import styles from './auth-page.module.css';

export function SignupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useDocumentTitle(t('auth.signup.title'));
  const next = safeNext(params.get('next'));
  const loginPath = next ? `/login?next=${encodeURIComponent(next)}` : '/login';

  return (
    <div className={styles.wrap}>
      <div className={styles.card}>
        <div className={styles.head}>
          <LogoMark size={48} />
          <h1 className={styles.title}>{t('auth.signup.title')}</h1>
          <p className={styles.lead}>{t('auth.signup.lead')}</p>
        </div>
        <SignupForm />
        <SocialLogin />
        <p className={styles.switch}>
          {t('auth.signup.hasAccount')} <Link to={loginPath}>{t('auth.signup.toLogin')}</Link>
        </p>
        <Link to="/" className={styles.back}>
          {t('auth.backHome')}
        </Link>
      </div>
    </div>
  );
}
