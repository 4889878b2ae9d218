import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { VerifyEmailBanner } from '../../features/auth/components/verify-email-banner.tsx';
import { useSyncLocale } from '../../features/users/hooks/use-sync-locale.ts';
import { useSession } from '../use-session.ts';
import { Footer } from './footer.tsx';
import { Header } from './header.tsx';
import styles from './root-layout.module.css';
import { LoadError, Splash } from './splash.tsx';
import { TabBar } from './tab-bar.tsx';

const ONBOARDING_PATH = '/onboarding';

export function RootLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();
  useSyncLocale(session.status === 'signed-in');
  if (session.status === 'loading') return <Splash />;
  if (session.status === 'error') return <LoadError onRetry={session.retry} />;

  const user = session.status === 'signed-in' ? session.user : null;
  // A new account must tell us its running style before using the rest of the app.
  const mustOnboard = user !== null && !user.onboarded && pathname !== ONBOARDING_PATH;
  return (
    <div className={styles.app}>
      <a href="#main" className={styles.skip}>
        {t('shell.skipToContent')}
      </a>
      <Header user={user} />
      {user && pathname !== '/verify-email' && <VerifyEmailBanner user={user} />}
      <main id="main" className={styles.main} tabIndex={-1}>
        {mustOnboard ? <Navigate to={ONBOARDING_PATH} replace /> : <Outlet />}
      </main>
      <Footer />
      <TabBar />
      <ScrollRestoration />
    </div>
  );
}
