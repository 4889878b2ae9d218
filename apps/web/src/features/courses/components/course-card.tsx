import type { CourseSummary } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClockIcon, CommentIcon, RouteIcon } from '../../../components/icons.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { cx } from '../../../lib/cx.ts';
import { formatDuration, formatKm } from '../../../lib/format.ts';
import { CourseBookmarkButton } from './bookmark-button.tsx';
import { RatingBadge } from './rating-stars.tsx';
import styles from './course-card.module.css';

interface CourseCardProps {
  course: CourseSummary;
  /** The card as it will look, before the course exists: no link, no bookmark. */
  preview?: boolean;
  /** Its place in the BEST strip (1-based). */
  rank?: number;
  headingLevel?: 2 | 3;
}

/** A course in a list: photo, title, region and theme, distance, time, rating, reviews and bookmark. */
export function CourseCard({ course, preview = false, rank, headingLevel = 3 }: CourseCardProps) {
  const { t, i18n } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const photo = course.photos[0]?.urls.small;
  return (
    <article className={cx(styles.card, !preview && styles.linked)}>
      <div className={styles.media}>
        {photo ? (
          <img src={photo} alt="" className={styles.image} loading="lazy" />
        ) : (
          <span className={styles.noPhoto} />
        )}
        {rank !== undefined && (
          <span className={styles.rank}>
            <span className={styles.srOnly}>{t('courses.best.rank', { rank })}</span>
            <span aria-hidden="true">{rank}</span>
          </span>
        )}
      </div>
      <div className={styles.body}>
        <p className={styles.where}>
          {t(`region.${course.region}`)} · {t(`theme.${course.theme}`)}
        </p>
        <Heading className={styles.title}>
          {preview ? (
            course.title
          ) : (
            <Link to={`/courses/${course.id}`} className={styles.link}>
              {course.title}
            </Link>
          )}
        </Heading>
        <ul className={styles.facts} aria-label={t('courses.card.facts')}>
          <li>
            <RouteIcon width={16} height={16} />
            {formatKm(course.distanceKm)}
          </li>
          <li>
            <ClockIcon width={16} height={16} />
            <span className={styles.srOnly}>{t('courses.card.time')} </span>
            {formatDuration(course.estimatedMinutes, i18n.language)}
          </li>
        </ul>
        <div className={styles.meta}>
          <RatingBadge rating={course.rating} />
          <span className={styles.comments}>
            <CommentIcon width={16} height={16} />
            <span className={styles.srOnly}>{t('courses.card.reviews')} </span>
            {course.commentCount}
          </span>
        </div>
      </div>
      {!preview && (
        <CourseBookmarkButton
          courseId={course.id}
          title={course.title}
          bookmarked={course.bookmarked}
          className={styles.bookmark}
        />
      )}
    </article>
  );
}

/** The card's shape while the list loads. */
export function CourseCardSkeleton() {
  return (
    <div className={styles.card} aria-hidden="true">
      <Skeleton className={styles.media} />
      <div className={styles.body}>
        <Skeleton className={styles.skeletonShort} />
        <Skeleton className={styles.skeletonTitle} />
        <Skeleton className={styles.skeletonLine} />
      </div>
    </div>
  );
}
