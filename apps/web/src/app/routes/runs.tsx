import { RUN_SORTS } from '@erun/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '../../components/button.tsx';
import { PlusIcon, RunIcon, SearchIcon } from '../../components/icons.tsx';
import {
  FilterAndSort,
  FilterSidebar,
  ListEmpty,
  listStyles,
} from '../../components/list-page/list-page.tsx';
import { CrewSearchResults } from '../../features/crews/components/crew-search-results.tsx';
import { RunFiltersPanel } from '../../features/runs/components/run-filters-panel.tsx';
import { RunsList } from '../../features/runs/components/runs-list.tsx';
import { SaveSearchButton } from '../../features/saved-searches/components/save-search-button.tsx';
import { useRunFilters } from '../../features/runs/hooks/use-run-filters.ts';
import {
  countFilters,
  EMPTY_FILTERS,
  filtersToQuery,
  type RunFilters,
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
  // Suspended or banned: "러닝 만들기" shows disabled with the reason, before any tap.
  const restricted = signedIn && session.user.restriction !== null;
  const [filters, setFilters] = useRunFilters();
  const wide = useMediaQuery('(min-width: 1024px)');
  const count = countFilters(filters);
  const reset =
    count > 0 ? { label: t('runs.filters.reset'), onReset: () => setFilters(resetOf(filters)) } : undefined;

  const empty = (
    <ListEmpty
      icon={<RunIcon />}
      title={t('runs.empty.title')}
      description={t(signedIn ? 'runs.empty.descriptionSignedIn' : 'runs.empty.description')}
      reset={reset}
      create={signedIn && !restricted ? { label: t('runs.create'), to: '/runs/new' } : undefined}
    />
  );

  return (
    <div className={listStyles.page}>
      <div className={listStyles.head}>
        <h1 className={listStyles.title}>{t('runs.title')}</h1>
        <p className={listStyles.lead}>{t('runs.lead')}</p>
      </div>
      <div className={styles.toolbar}>
        <KeywordSearch key={filters.q} value={filters.q} onSearch={(q) => setFilters({ ...filters, q })} />
        <div className={styles.tools}>
          <FilterAndSort
            kind="runs"
            filters={filters}
            onChange={setFilters}
            count={count}
            resetOf={resetOf}
            sorts={RUN_SORTS}
            wide={wide}
            panel={(value, onChange) => <RunFiltersPanel value={value} onChange={onChange} />}
          />
        </div>
      </div>
      <div className={listStyles.layout}>
        {wide && (
          <FilterSidebar title={t('runs.filters.title')} reset={reset}>
            <RunFiltersPanel value={filters} onChange={setFilters} />
          </FilterSidebar>
        )}
        <div className={listStyles.results}>
          {signedIn && <SaveSearchButton filters={filters} />}
          <CrewSearchResults q={filters.q} region={filters.region} />
          <section aria-label={t('runs.list.label')}>
            <RunsList query={filtersToQuery(filters)} empty={empty} />
          </section>
        </div>
      </div>
      {signedIn && !restricted && (
        <ButtonLink to="/runs/new" className={listStyles.fab} size="lg">
          <PlusIcon width={20} height={20} />
          {t('runs.create')}
        </ButtonLink>
      )}
      {restricted && (
        <div className={styles.restrictedFab}>
          <p id="runs-create-restricted" className={styles.restrictedReason}>
            {t('restricted.host')}
          </p>
          <Button
            size="lg"
            disabled
            aria-describedby="runs-create-restricted"
            className={styles.restrictedButton}
          >
            <PlusIcon width={20} height={20} />
            {t('runs.create')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** A reset keeps the sort. */
const resetOf = (filters: RunFilters): RunFilters => ({ ...EMPTY_FILTERS, sort: filters.sort });

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
        <span className={listStyles.srOnly}>{t('runs.search.label')}</span>
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
