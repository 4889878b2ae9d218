import type { Me } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import styles from './restriction-banner.module.css';

/** "12월 20일" (with the year when it is not this year's), in Seoul time. */
function untilText(iso: string, locale: string): string {
  const date = new Date(iso);
  const thisYear = new Date().getFullYear() === date.getFullYear();
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Seoul',
    ...(thisYear ? {} : { year: 'numeric' }),
    month: 'long',
    day: 'numeric',
  }).format(date);
}

/**
 * Shown on every page while the account is suspended or banned (issue 17): until when, the moderator's reason,
 * and what it means — reading stays open; posting, joining and hosting answer ACCOUNT_SUSPENDED.
 */
export function RestrictionBanner({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const restriction = user.restriction;
  if (!restriction) return null;
  const headline =
    restriction.kind === 'suspended' && restriction.until
      ? t('moderation.banner.suspended', { until: untilText(restriction.until, i18n.language) })
      : t('moderation.banner.banned');
  return (
    <aside className={styles.banner} aria-label={t('moderation.banner.label')}>
      <p className={styles.text}>
        <strong>{headline}</strong>
        {restriction.reason && <> {t('moderation.banner.reason', { reason: restriction.reason })}</>}
        <br />
        {t('moderation.banner.rules')}
      </p>
    </aside>
  );
}
