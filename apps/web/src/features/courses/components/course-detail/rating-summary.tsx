import type { Course } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { StarIcon } from '../../../../components/icons.tsx';
import styles from './course-detail.module.css';
import hidden from '../../../../components/visually-hidden.module.css';

/** The average, how many rated, and how the stars spread from 5 down to 1 (bars with their counts). */
export function RatingSummary({ rating, histogram }: Pick<Course, 'rating' | 'histogram'>) {
  const { t } = useTranslation();
  const most = Math.max(1, ...histogram);
  const rounded = Math.round(rating.average);
  return (
    <div className={styles.ratingSummary}>
      <div className={styles.score}>
        {rating.count > 0 ? (
          <p className={styles.average}>
            <strong>{rating.average.toFixed(1)}</strong>
            <span className={styles.outOf}>{t('courseDetail.rating.outOf')}</span>
          </p>
        ) : (
          <p className={styles.noRating}>{t('courseDetail.rating.none')}</p>
        )}
        <span className={styles.smallStars} aria-hidden="true">
          {[1, 2, 3, 4, 5].map((n) => (
            <StarIcon key={n} width={18} height={18} filled={n <= rounded} />
          ))}
        </span>
        <p className={styles.raters}>{t('courseDetail.rating.count', { count: rating.count })}</p>
      </div>
      <ul className={styles.histogram} aria-label={t('courseDetail.rating.histogram')}>
        {[5, 4, 3, 2, 1].map((stars) => {
          const count = histogram[stars - 1] ?? 0;
          return (
            <li key={stars} className={styles.histRow}>
              <span className={styles.histLabel}>{t('courseDetail.rating.stars', { stars })}</span>
              <span className={styles.histBar} aria-hidden="true">
                <span style={{ width: `${(count / most) * 100}%` }} />
              </span>
              <span className={styles.histCount}>
                <span className={hidden.srOnly}>{t('courseDetail.rating.histCount', { count })}</span>
                <span aria-hidden="true">{count}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
