import type { CourseSummary } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { ListingCard, ListingCardSkeleton } from '../../../components/card/listing-card.tsx';
import { ClockIcon, CommentIcon, RouteIcon } from '../../../components/icons.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { formatDuration, formatKm } from '../../../lib/format.ts';
import { CourseBookmarkButton } from './bookmark-button.tsx';
import { RatingBadge } from './rating-stars.tsx';
import styles from './course-card.module.css';
import hidden from '../../../components/visually-hidden.module.css';

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
  const photo = course.photos[0]?.urls.small;
  return (
    <ListingCard
      title={course.title}
      to={`/courses/${course.id}`}
      preview={preview}
      headingLevel={headingLevel}
      mediaClassName={styles.media}
      media={
        <>
          {photo ? (
            <img src={photo} alt="" className={styles.image} loading="lazy" />
          ) : (
            <span className={styles.noPhoto} />
          )}
          {rank !== undefined && (
            <span className={styles.rank}>
              <span className={hidden.srOnly}>{t('courses.best.rank', { rank })}</span>
              <span aria-hidden="true">{rank}</span>
            </span>
          )}
        </>
      }
      eyebrow={
        <p className={styles.where}>
          {t(`region.${course.region}`)} · {t(`theme.${course.theme}`)}
        </p>
      }
      bookmark={(className) => (
        <CourseBookmarkButton
          courseId={course.id}
          title={course.title}
          bookmarked={course.bookmarked}
          className={className}
        />
      )}
    >
      <ul className={styles.facts} aria-label={t('courses.card.facts')}>
        <li>
          <RouteIcon width={16} height={16} />
          {formatKm(course.distanceKm)}
        </li>
        <li>
          <ClockIcon width={16} height={16} />
          <span className={hidden.srOnly}>{t('courses.card.time')} </span>
          {formatDuration(course.estimatedMinutes, i18n.language)}
        </li>
      </ul>
      <div className={styles.meta}>
        <RatingBadge rating={course.rating} />
        <span className={styles.comments}>
          <CommentIcon width={16} height={16} />
          <span className={hidden.srOnly}>{t('courses.card.reviews')} </span>
          {course.commentCount}
        </span>
      </div>
    </ListingCard>
  );
}

/** The card's shape while the list loads. */
export function CourseCardSkeleton() {
  return (
    <ListingCardSkeleton mediaClassName={styles.media}>
      <Skeleton className={styles.skeletonShort} />
      <Skeleton className={styles.skeletonTitle} />
      <Skeleton className={styles.skeletonLine} />
    </ListingCardSkeleton>
  );
}
