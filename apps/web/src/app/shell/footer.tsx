import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import styles from './footer.module.css';
import { LogoMark } from './logo.tsx';

const YEAR = new Date().getFullYear();

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className={styles.footer}>
      <div className={styles.inner}>
        <p className={styles.brand}>
          <LogoMark size={24} />
          {t('brand.name')}
        </p>
        <p className={styles.tagline}>{t('footer.tagline')}</p>
        <p className={styles.legal}>
          <Link to="/terms">{t('legal.footerTerms')}</Link>
          <Link to="/privacy" className={styles.privacy}>
            {t('legal.footerPrivacy')}
          </Link>
        </p>
        <p className={styles.copyright}>{t('footer.copyright', { year: YEAR, brand: t('brand.name') })}</p>
      </div>
    </footer>
  );
}
