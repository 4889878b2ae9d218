import type { ListCoursesQuery } from '@erun/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../../components/card-list.tsx';
import { useInfiniteCourses } from '../api/get-courses.ts';
import { CourseCard, CourseCardSkeleton } from './course-card.tsx';

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
  return (
    <CardList
      pages={useInfiniteCourses(query)}
      label={label}
      labels={{
        loading: t('courses.list.loading'),
        loadingMore: t('courses.list.loadingMore'),
        more: t('courses.list.more'),
      }}
      card={(course) => <CourseCard course={course} />}
      skeleton={<CourseCardSkeleton />}
      skeletons={6}
      loadOnScroll
      empty={empty}
    />
  );
}
