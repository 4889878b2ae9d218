import type { ListCoursesQuery } from '@erun/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { useOnVisible } from '../../../lib/use-on-visible.ts';
import { useInfiniteCourses } from '../api/get-courses.ts';
import { CourseCard, CourseCardSkeleton } from './course-card.tsx';
import styles from './courses-list.module.css';

const SKELETONS = 6;

/** A filtered list of courses: skeletons first, then pages as the user scrolls (or presses "더 보기"). */
export function CoursesList({
  query,
  empty,
  label,
}: {
  query: ListCoursesQuery;
  empty: ReactNode;
  label: string;
}) {
  const { t } = useTranslation();
  const courses = useInfiniteCourses(query);
  const canLoad = courses.hasNextPage && !courses.isFetchingNextPage && !courses.isError;
  const sentinel = useOnVisible<HTMLDivElement>(() => void courses.fetchNextPage(), canLoad);

  if (courses.isPending) {
    return (
      <div className={styles.grid} role="status" aria-busy="true" aria-label={t('courses.list.loading')}>
        {Array.from({ length: SKELETONS }, (_, i) => (
          <CourseCardSkeleton key={i} />
        ))}
      </div>
    );
  }
  if (courses.isError && !courses.data) {
    return (
      <div className={styles.error}>
        <FormAlert message={errorMessage(courses.error)} />
        <Button variant="outline" onClick={() => void courses.refetch()}>
          {t('common.retry')}
        </Button>
      </div>
    );
  }

  const items = courses.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <>{empty}</>;
  return (
    <div className={styles.wrap}>
      <ul className={styles.grid} aria-label={label}>
        {items.map((course) => (
          <li key={course.id}>
            <CourseCard course={course} />
          </li>
        ))}
      </ul>
      {courses.isFetchingNextPage && (
        <div className={styles.grid} role="status" aria-label={t('courses.list.loadingMore')}>
          <CourseCardSkeleton />
          <CourseCardSkeleton />
        </div>
      )}
      {courses.isFetchNextPageError && <FormAlert message={errorMessage(courses.error)} />}
      <div ref={sentinel} />
      {courses.hasNextPage && (
        <Button
          variant="outline"
          className={styles.more}
          onClick={() => void courses.fetchNextPage()}
          pending={courses.isFetchingNextPage}
        >
          {t('courses.list.more')}
        </Button>
      )}
    </div>
  );
}
