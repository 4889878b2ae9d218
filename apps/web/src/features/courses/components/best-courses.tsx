import type { ListCoursesQuery } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Carousel, CarouselRowSkeleton } from '../../../components/carousel.tsx';
import { useCourses } from '../api/get-courses.ts';
import { CourseCard, CourseCardSkeleton } from './course-card.tsx';
import styles from './best-courses.module.css';

export const BEST_COUNT = 5;

/**
 * The top of the "best" ranking (Bayesian average of ratings, lightly weighted by bookmarks and views), as a
 * swipeable row with rank badges. Hidden when there is nothing to rank or the call fails: the feed below says so.
 */
export function BestCourses({ query, headingId }: { query: ListCoursesQuery; headingId: string }) {
  const { t } = useTranslation();
  const best = useCourses({ ...query, sort: 'best', limit: BEST_COUNT });
  if (best.isPending) {
    return (
      <CarouselRowSkeleton label={t('courses.list.loading')}>
        <CourseCardSkeleton />
        <CourseCardSkeleton />
        <CourseCardSkeleton />
      </CarouselRowSkeleton>
    );
  }
  if (best.isError || best.data.items.length === 0) return null;
  return (
    <section className={styles.best} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h2 id={headingId} className={styles.title}>
          {t('courses.best.title')}
        </h2>
        <p className={styles.lead}>{t('courses.best.lead')}</p>
      </div>
      <Carousel label={t('courses.best.ranking')} variant="row">
        {best.data.items.map((course, index) => (
          <CourseCard key={course.id} course={course} rank={index + 1} />
        ))}
      </Carousel>
    </section>
  );
}
