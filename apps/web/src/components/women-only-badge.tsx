import { useTranslation } from 'react-i18next';
import { cx } from '../lib/cx.ts';
import styles from './women-only-badge.module.css';

/**
 * "여성 전용" on a run or a crew (DOMAIN.md "Safety and reliability": labelled everywhere): the words
 * themselves, never a colour alone. Nothing when the run or crew is open to all.
 */
export function WomenOnlyBadge({ womenOnly, className }: { womenOnly: boolean; className?: string }) {
  const { t } = useTranslation();
  if (!womenOnly) return null;
  return <span className={cx(styles.badge, className)}>{t('womenOnly.badge')}</span>;
}
