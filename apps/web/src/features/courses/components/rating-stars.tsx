import type { CourseSummary } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { StarIcon } from '../../../components/icons.tsx';
import { cx } from '../../../lib/cx.ts';
import styles from './course-card.module.css';
import hidden from '../../../components/visually-hidden.module.css';

/** "★ 4.3 (12)" with its meaning spelled out for screen readers; "별점 없음" before the first rating. */
export function RatingBadge({ rating, className }: { rating: CourseSummary['rating']; className?: string }) {
  const { t } = useTranslation();
  if (rating.count === 0) {
    return (
      <span className={cx(styles.rating, styles.unrated, className)}>
        <StarIcon width={16} height={16} />
        {t('courses.rating.none')}
      </span>
    );
  }
  const average = rating.average.toFixed(1);
  return (
    <span className={cx(styles.rating, className)}>
      <StarIcon width={16} height={16} filled className={styles.star} />
      <span aria-hidden="true">
        {average} <span className={styles.count}>({rating.count})</span>
      </span>
      <span className={hidden.srOnly}>{t('courses.rating.label', { average, count: rating.count })}</span>
    </span>
  );
}
