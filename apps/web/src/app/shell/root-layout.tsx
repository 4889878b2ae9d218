import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { InstallOffer } from '../../features/install/components/install-offer.tsx';
import { useSyncLocale } from '../../features/users/hooks/use-sync-locale.ts';
import { useSession } from '../use-session.ts';
import { Footer } from './footer.tsx';
import { Header } from './header.tsx';
import { MemberBanners } from './member-parts-lazy.ts';
import styles from './root-layout.module.css';
import { LoadError, Splash } from './splash.tsx';
import { TabBar } from './tab-bar.tsx';

const ONBOARDING_PATH = '/onboarding';
const CONSENT_PATH = '/consent';
/** Open before accepting: the texts being accepted, and the settings (export the data, delete the account). */
const CONSENT_FREE_PATHS = new Set([CONSENT_PATH, '/terms', '/privacy', '/me/settings']);

export function RootLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname, search } = useLocation();
  useSyncLocale(session.status === 'signed-in');
  if (session.status === 'loading') return <Splash />;
  if (session.status === 'error') return <LoadError onRetry={session.retry} />;

  const user = session.status === 'signed-in' ? session.user : null;
  // First the required documents in force (a Kakao/Naver newcomer, a new version), then the running style.
  const mustConsent = user !== null && user.consentsRequired.length > 0 && !CONSENT_FREE_PATHS.has(pathname);
  const mustOnboard =
    user !== null && user.consentsRequired.length === 0 && !user.onboarded && pathname !== ONBOARDING_PATH;
  const consentPath = `${CONSENT_PATH}?next=${encodeURIComponent(`${pathname}${search}`)}`;
  return (
    <div className={styles.app}>
      <a href="#main" className={styles.skip}>
        {t('shell.skipToContent')}
      </a>
      <Header user={user} />
      {user && (
        <Suspense fallback={null}>
          <MemberBanners user={user} showVerify={pathname !== '/verify-email'} />
        </Suspense>
      )}
      <main id="main" className={styles.main} tabIndex={-1}>
        {mustConsent ? (
          <Navigate to={consentPath} replace />
        ) : mustOnboard ? (
          <Navigate to={ONBOARDING_PATH} replace />
        ) : (
          <Outlet />
        )}
      </main>
      <Footer />
      <TabBar />
      <InstallOffer />
      <ScrollRestoration />
    </div>
  );
}
