import { useTranslation } from 'react-i18next';
import { VerifyEmail } from '../../features/auth/components/verify-email.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { LogoMark } from '../shell/logo.tsx';
import { useSession } from '../use-session.ts';
import styles from './auth-page.module.css';

/** `/verify-email?token=…`: the link of a verification or change-of-address mail, signed in or not. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('emailVerify.page.title'));
  return (
    <div className={styles.wrap}>
      <div className={styles.card}>
        <div className={styles.head}>
          <LogoMark size={48} />
          <h1 className={styles.title}>{t('emailVerify.page.title')}</h1>
        </div>
        <VerifyEmail user={session.status === 'signed-in' ? session.user : null} />
      </div>
    </div>
  );
}
