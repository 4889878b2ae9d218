import { COURSE_SORTS } from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/button.tsx';
import { MapIcon, PlusIcon } from '../../components/icons.tsx';
import {
  FilterAndSort,
  AtWidth,
  FilterSidebar,
  ListEmpty,
  listStyles,
} from '../../components/list-page/list-page.tsx';
import { BestCourses } from '../../features/courses/components/best-courses.tsx';
import { CourseFiltersPanel } from '../../features/courses/components/course-filters-panel.tsx';
import { CoursesList } from '../../features/courses/components/courses-list.tsx';
import { useCourseFilters } from '../../features/courses/hooks/use-course-filters.ts';
import {
  countCourseFilters,
  courseFiltersToQuery,
  EMPTY_COURSE_FILTERS,
  type CourseFilters,
} from '../../features/courses/utils/course-filters.ts';
import { useDocumentDescription } from '../../lib/use-document-description.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './courses.module.css';

export function CoursesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('courses.title'));
  useDocumentDescription(t('seo.courses'));
  const bestId = useId();
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const [filters, setFilters] = useCourseFilters();
  const count = countCourseFilters(filters);
  const filtered = count > 0;
  const reset = filtered
    ? { label: t('courses.filters.reset'), onReset: () => setFilters(resetOf(filters)) }
    : undefined;
  const query = courseFiltersToQuery(filters);

  const empty = (
    <ListEmpty
      icon={<MapIcon />}
      title={t(filtered ? 'courses.empty.filteredTitle' : 'courses.empty.title')}
      description={t(filtered ? 'courses.empty.filteredDescription' : 'courses.empty.description')}
      reset={reset}
      create={signedIn ? { label: t('courses.create'), to: '/courses/new' } : undefined}
    />
  );

  return (
    <div className={listStyles.page}>
      <div className={styles.headRow}>
        <div className={listStyles.head}>
          <h1 className={listStyles.title}>{t('courses.title')}</h1>
          <p className={listStyles.lead}>{t('courses.lead')}</p>
        </div>
        {signedIn && (
          <AtWidth wide={true}>
            <ButtonLink to="/courses/new">
              <PlusIcon width={20} height={20} />
              {t('courses.create')}
            </ButtonLink>
          </AtWidth>
        )}
      </div>
      {/* Above the strip: the regions and themes choose the BEST courses too. */}
      <div className={styles.toolbar}>
        <FilterAndSort
          kind="courses"
          filters={filters}
          onChange={setFilters}
          count={count}
          resetOf={resetOf}
          sorts={COURSE_SORTS}
          panel={(value, onChange) => <CourseFiltersPanel value={value} onChange={onChange} />}
        />
      </div>
      <BestCourses query={{ region: query.region, theme: query.theme }} headingId={bestId} />
      <div className={listStyles.layout}>
        <FilterSidebar title={t('courses.filters.title')} reset={reset}>
          <CourseFiltersPanel value={filters} onChange={setFilters} />
        </FilterSidebar>
        <section className={listStyles.results} aria-label={t('courses.list.label')}>
          <CoursesList query={query} empty={empty} label={t('courses.list.label')} />
        </section>
      </div>
      {signedIn && (
        <AtWidth wide={false}>
          <ButtonLink to="/courses/new" className={listStyles.fab} size="lg">
            <PlusIcon width={20} height={20} />
            {t('courses.create')}
          </ButtonLink>
        </AtWidth>
      )}
    </div>
  );
}

/** A reset keeps the sort. */
const resetOf = (filters: CourseFilters): CourseFilters => ({ ...EMPTY_COURSE_FILTERS, sort: filters.sort });
