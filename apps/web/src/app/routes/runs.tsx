import { RUN_SORTS } from '@erun/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '../../components/button.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { FilterIcon, PlusIcon, RunIcon, SearchIcon } from '../../components/icons.tsx';
import { RunFiltersPanel } from '../../features/runs/components/run-filters-panel.tsx';
import { RunsList } from '../../features/runs/components/runs-list.tsx';
import { useRunFilters } from '../../features/runs/hooks/use-run-filters.ts';
import {
  countFilters,
  EMPTY_FILTERS,
  filtersToQuery,
  type RunFilters,
  type RunSort,
} from '../../features/runs/utils/run-filters.ts';
import { useMediaQuery } from '../../lib/use-media-query.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './runs.module.css';

export function RunsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('runs.title'));
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const [filters, setFilters] = useRunFilters();
  const wide = useMediaQuery('(min-width: 1024px)');
  const reset = () => setFilters({ ...EMPTY_FILTERS, sort: filters.sort });

  const empty = (
    <EmptyState
      icon={<RunIcon />}
      title={t('runs.empty.title')}
      description={t(signedIn ? 'runs.empty.descriptionSignedIn' : 'runs.empty.description')}
      action={
        <div className={styles.emptyActions}>
          {countFilters(filters) > 0 && (
            <Button variant="outline" onClick={reset}>
              {t('runs.filters.reset')}
            </Button>
          )}
          {signedIn && <ButtonLink to="/runs/new">{t('runs.create')}</ButtonLink>}
        </div>
      }
    />
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('runs.title')}</h1>
        <p className={styles.lead}>{t('runs.lead')}</p>
      </div>
      <div className={styles.toolbar}>
        <KeywordSearch key={filters.q} value={filters.q} onSearch={(q) => setFilters({ ...filters, q })} />
        <div className={styles.tools}>
          {!wide && <FilterSheet filters={filters} onApply={setFilters} />}
          <label className={styles.sort}>
            <span className={styles.srOnly}>{t('runs.sort.label')}</span>
            <select
              className={styles.select}
              value={filters.sort}
              onChange={(event) => setFilters({ ...filters, sort: event.target.value as RunSort })}
            >
              {RUN_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`runs.sort.${sort}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <div className={styles.layout}>
        {wide && (
          <aside className={styles.sidebar} aria-label={t('runs.filters.title')}>
            <div className={styles.sidebarHead}>
              <h2 className={styles.sidebarTitle}>{t('runs.filters.title')}</h2>
              {countFilters(filters) > 0 && (
                <Button variant="ghost" size="sm" onClick={reset}>
                  {t('runs.filters.reset')}
                </Button>
              )}
            </div>
            <RunFiltersPanel value={filters} onChange={setFilters} />
          </aside>
        )}
        <section className={styles.results} aria-label={t('runs.list.label')}>
          <RunsList query={filtersToQuery(filters)} empty={empty} />
        </section>
      </div>
      {signedIn && (
        <ButtonLink to="/runs/new" className={styles.fab} size="lg">
          <PlusIcon width={20} height={20} />
          {t('runs.create')}
        </ButtonLink>
      )}
    </div>
  );
}

function KeywordSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className={styles.search} onSubmit={onSubmit}>
      <label className={styles.searchField}>
        <span className={styles.srOnly}>{t('runs.search.label')}</span>
        <SearchIcon width={20} height={20} className={styles.searchIcon} />
        <input
          type="search"
          className={styles.searchInput}
          value={text}
          maxLength={50}
          placeholder={t('runs.search.placeholder')}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <Button type="submit" variant="secondary">
        {t('runs.search.submit')}
      </Button>
    </form>
  );
}

/** Phones: the filters in a full-screen sheet, applied together. */
function FilterSheet({ filters, onApply }: { filters: RunFilters; onApply: (next: RunFilters) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(filters);
  const count = countFilters(filters);
  const show = () => {
    setDraft(filters);
    setOpen(true);
  };
  return (
    <>
      <Button variant="outline" onClick={show} aria-haspopup="dialog">
        <FilterIcon width={18} height={18} />
        {count > 0 ? t('runs.filters.count', { count }) : t('runs.filters.title')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('runs.filters.title')}
        variant="sheet"
        actions={
          <>
            <Button variant="outline" onClick={() => setDraft({ ...EMPTY_FILTERS, sort: filters.sort })}>
              {t('runs.filters.reset')}
            </Button>
            <Button
              onClick={() => {
                onApply(draft);
                setOpen(false);
              }}
            >
              {t('runs.filters.apply')}
            </Button>
          </>
        }
      >
        <RunFiltersPanel value={draft} onChange={setDraft} />
      </Dialog>
    </>
  );
}
