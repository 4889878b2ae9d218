import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import styles from './logo.module.css';

export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="16" fill="var(--color-navy)" />
      <path
        d="M14 42c8 0 12-20 20-20s8 12 16 12"
        fill="none"
        stroke="var(--color-mint)"
        strokeWidth="6"
        strokeLinecap="round"
      />
      <circle cx="50" cy="34" r="5" fill="var(--color-violet)" />
    </svg>
  );
}

export function Logo() {
  const { t } = useTranslation();
  return (
    <Link to="/" className={styles.logo} aria-label={t('nav.homeLink', { brand: t('brand.name') })}>
      <LogoMark />
      <span className={styles.name}>{t('brand.name')}</span>
    </Link>
  );
}
