import { COURSE_SORTS } from '@erun/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '../../components/button.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { FilterIcon, MapIcon, PlusIcon } from '../../components/icons.tsx';
import { BestCourses } from '../../features/courses/components/best-courses.tsx';
import { CourseFiltersPanel } from '../../features/courses/components/course-filters-panel.tsx';
import { CoursesList } from '../../features/courses/components/courses-list.tsx';
import { useCourseFilters } from '../../features/courses/hooks/use-course-filters.ts';
import {
  countCourseFilters,
  courseFiltersToQuery,
  EMPTY_COURSE_FILTERS,
  type CourseFilters,
  type CourseSort,
} from '../../features/courses/utils/course-filters.ts';
import { useMediaQuery } from '../../lib/use-media-query.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './courses.module.css';

export function CoursesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('courses.title'));
  const bestId = useId();
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const [filters, setFilters] = useCourseFilters();
  const wide = useMediaQuery('(min-width: 1024px)');
  const filtered = countCourseFilters(filters) > 0;
  const reset = () => setFilters({ ...EMPTY_COURSE_FILTERS, sort: filters.sort });
  const query = courseFiltersToQuery(filters);

  const empty = (
    <EmptyState
      icon={<MapIcon />}
      title={t(filtered ? 'courses.empty.filteredTitle' : 'courses.empty.title')}
      description={t(filtered ? 'courses.empty.filteredDescription' : 'courses.empty.description')}
      action={
        <div className={styles.emptyActions}>
          {filtered && (
            <Button variant="outline" onClick={reset}>
              {t('courses.filters.reset')}
            </Button>
          )}
          {signedIn && <ButtonLink to="/courses/new">{t('courses.create')}</ButtonLink>}
        </div>
      }
    />
  );

  return (
    <div className={styles.page}>
      <div className={styles.headRow}>
        <div className={styles.head}>
          <h1 className={styles.title}>{t('courses.title')}</h1>
          <p className={styles.lead}>{t('courses.lead')}</p>
        </div>
        {signedIn && wide && (
          <ButtonLink to="/courses/new">
            <PlusIcon width={20} height={20} />
            {t('courses.create')}
          </ButtonLink>
        )}
      </div>
      {/* Above the strip: the regions and themes choose the BEST courses too. */}
      <div className={styles.toolbar}>
        {!wide && <FilterSheet filters={filters} onApply={setFilters} />}
        <label className={styles.sort}>
          <span className={styles.srOnly}>{t('courses.sort.label')}</span>
          <select
            className={styles.select}
            value={filters.sort}
            onChange={(event) => setFilters({ ...filters, sort: event.target.value as CourseSort })}
          >
            {COURSE_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`courses.sort.${sort}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <BestCourses query={{ region: query.region, theme: query.theme }} headingId={bestId} />
      <div className={styles.layout}>
        {wide && (
          <aside className={styles.sidebar} aria-label={t('courses.filters.title')}>
            <div className={styles.sidebarHead}>
              <h2 className={styles.sidebarTitle}>{t('courses.filters.title')}</h2>
              {filtered && (
                <Button variant="ghost" size="sm" onClick={reset}>
                  {t('courses.filters.reset')}
                </Button>
              )}
            </div>
            <CourseFiltersPanel value={filters} onChange={setFilters} />
          </aside>
        )}
        <section className={styles.results} aria-label={t('courses.list.label')}>
          <CoursesList query={query} empty={empty} label={t('courses.list.label')} />
        </section>
      </div>
      {signedIn && !wide && (
        <ButtonLink to="/courses/new" className={styles.fab} size="lg">
          <PlusIcon width={20} height={20} />
          {t('courses.create')}
        </ButtonLink>
      )}
    </div>
  );
}

/** Phones: the filters in a sheet, applied together. */
function FilterSheet({
  filters,
  onApply,
}: {
  filters: CourseFilters;
  onApply: (next: CourseFilters) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(filters);
  const count = countCourseFilters(filters);
  const show = () => {
    setDraft(filters);
    setOpen(true);
  };
  return (
    <>
      <Button variant="outline" onClick={show} aria-haspopup="dialog">
        <FilterIcon width={18} height={18} />
        {count > 0 ? t('courses.filters.count', { count }) : t('courses.filters.title')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('courses.filters.title')}
        variant="sheet"
        actions={
          <>
            <Button
              variant="outline"
              onClick={() => setDraft({ ...EMPTY_COURSE_FILTERS, sort: filters.sort })}
            >
              {t('courses.filters.reset')}
            </Button>
            <Button
              onClick={() => {
                onApply(draft);
                setOpen(false);
              }}
            >
              {t('courses.filters.apply')}
            </Button>
          </>
        }
      >
        <CourseFiltersPanel value={draft} onChange={setDraft} />
      </Dialog>
    </>
  );
}
