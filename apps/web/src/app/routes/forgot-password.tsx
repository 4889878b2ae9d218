import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForgotPassword } from '../../features/auth/components/forgot-password.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import styles from './auth-page.module.css';

/** `/forgot-password`: "비밀번호 찾기" by mail or by text. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('password.forgot.title'));
  return (
    <div className={styles.wrap}>
      <div className={styles.card}>
        <div className={styles.head}>
          <h1 className={styles.title}>{t('password.forgot.title')}</h1>
          <p className={styles.lead}>{t('password.forgot.lead')}</p>
        </div>
        <ForgotPassword />
        <Link to="/login" className={styles.back}>
          {t('password.forgot.backToLogin')}
        </Link>
      </div>
    </div>
  );
}
