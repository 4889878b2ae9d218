import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { CloseIcon } from '../../../components/icons.tsx';
import { useInstallOffer } from '../hooks/use-install-offer.ts';
import styles from './install-offer.module.css';

/**
 * "홈 화면에 추가", offered once on phones above the tab bar: Chrome's install prompt behind a button, or on iOS
 * Safari the way through the Share menu. Closing it (or installing) keeps it away for good on this browser.
 */
export function InstallOffer() {
  const { t } = useTranslation();
  const { offer, install, dismiss } = useInstallOffer();
  if (offer === null) return null;
  return (
    <aside className={styles.offer} aria-labelledby="install-offer-title">
      <img className={styles.icon} src="/icons/icon-192.png" alt="" width={40} height={40} />
      <div className={styles.text}>
        <p id="install-offer-title" className={styles.title}>
          {t('install.offer.title')}
        </p>
        <p className={styles.body}>{offer === 'ios' ? t('install.offer.ios') : t('install.offer.body')}</p>
        {offer === 'prompt' && (
          <Button size="sm" onClick={() => void install()} className={styles.action}>
            {t('install.offer.add')}
          </Button>
        )}
      </div>
      <button type="button" className={styles.close} onClick={dismiss} aria-label={t('install.offer.close')}>
        <CloseIcon />
      </button>
    </aside>
  );
}
