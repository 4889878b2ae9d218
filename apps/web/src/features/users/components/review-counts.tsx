import { HOST_REVIEW_NEGATIVE, HOST_REVIEW_POSITIVE, type Profile } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import styles from './review-counts.module.css';

/**
 * Host review counts per category. The server sends the disappointing side only to the host themself, so
 * it shows only when `own` (and then even at zero).
 */
export function ReviewCounts({ counts, own }: { counts: Profile['reviewCounts']; own: boolean }) {
  const { t } = useTranslation();
  const sides = [
    { key: 'positive', title: t('profilePage.reviews.positive'), codes: HOST_REVIEW_POSITIVE },
    ...(own
      ? [{ key: 'negative', title: t('profilePage.reviews.negative'), codes: HOST_REVIEW_NEGATIVE }]
      : []),
  ];
  const max = Math.max(1, ...Object.values(counts));
  return (
    <div className={styles.sides}>
      {sides.map((side) => (
        <section key={side.key} className={styles.side} aria-label={side.title}>
          <h3 className={styles.title}>{side.title}</h3>
          <ul className={styles.list}>
            {side.codes.map((code) => {
              const count = counts[code] ?? 0;
              return (
                <li key={code} className={styles.row}>
                  <span className={styles.label}>{t(`review.category.${code}`)}</span>
                  <span className={styles.track} aria-hidden="true">
                    <span
                      className={side.key === 'positive' ? styles.good : styles.bad}
                      style={{ width: `${(count / max) * 100}%` }}
                    />
                  </span>
                  <span className={styles.count}>{t('profilePage.reviews.count', { count })}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {own && <p className={styles.note}>{t('profilePage.reviews.privateNote')}</p>}
    </div>
  );
}
