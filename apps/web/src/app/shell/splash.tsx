import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { LogoMark } from './logo.tsx';
import styles from './splash.module.css';

/** Shown while the start-up refresh tells us whether someone is signed in. */
export function Splash() {
  const { t } = useTranslation();
  return (
    <div className={styles.splash} role="status" aria-busy="true">
      <div className={styles.mark}>
        <LogoMark size={56} />
      </div>
      <span className={styles.text}>{t('shell.loading')}</span>
    </div>
  );
}

/** Shown when the signed-in user could not be loaded (e.g. offline). */
export function LoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={styles.splash} role="alert">
      <LogoMark size={56} />
      <p className={styles.error}>{t('shell.loadFailed')}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}

/** A page that could not load or crashed: reloading fetches the current release's files. */
export function RouteError() {
  return <LoadError onRetry={() => window.location.reload()} />;
}
