import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '../../components/button.tsx';
import { PlusIcon, SearchIcon, UsersIcon } from '../../components/icons.tsx';
import {
  AtWidth,
  FilterSheet,
  FilterSidebar,
  ListEmpty,
  listStyles,
} from '../../components/list-page/list-page.tsx';
import { CrewFiltersPanel } from '../../features/crews/components/crew-filters-panel.tsx';
import { CrewsList } from '../../features/crews/components/crews-list.tsx';
import { useCrewFilters } from '../../features/crews/hooks/use-crew-filters.ts';
import {
  countCrewFilters,
  crewFiltersToQuery,
  EMPTY_CREW_FILTERS,
  type CrewFilters,
} from '../../features/crews/utils/crew-filters.ts';
import { useDocumentDescription } from '../../lib/use-document-description.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import hidden from '../../components/visually-hidden.module.css';
import styles from './crews.module.css';

/** `/crews`: find a crew by region, day, time of day, pace, beginner-friendly and name; most active first. */
export function CrewsPage() {
  const { t } = useTranslation();
  const listId = useId();
  useDocumentTitle(t('crews.title'));
  useDocumentDescription(t('seo.crews'));
  const signedIn = useSession().status === 'signed-in';
  const [filters, setFilters] = useCrewFilters();
  const count = countCrewFilters(filters);
  const filtered = count > 0 || filters.q !== '';
  const reset = filtered
    ? { label: t('crews.filters.reset'), onReset: () => setFilters(EMPTY_CREW_FILTERS) }
    : undefined;

  const empty = (
    <ListEmpty
      icon={<UsersIcon />}
      title={t(filtered ? 'crews.empty.filteredTitle' : 'crews.empty.title')}
      description={t(filtered ? 'crews.empty.filteredDescription' : 'crews.empty.description')}
      reset={reset}
      create={signedIn ? { label: t('crews.create'), to: '/crews/new' } : undefined}
    />
  );

  return (
    <div className={listStyles.page}>
      <div className={styles.headRow}>
        <div className={listStyles.head}>
          <h1 className={listStyles.title}>{t('crews.title')}</h1>
          <p className={listStyles.lead}>{t('crews.lead')}</p>
        </div>
        {signedIn && (
          <AtWidth wide={true}>
            <ButtonLink to="/crews/new">
              <PlusIcon width={20} height={20} />
              {t('crews.create')}
            </ButtonLink>
          </AtWidth>
        )}
      </div>
      <div className={styles.toolbar}>
        <NameSearch key={filters.q} value={filters.q} onSearch={(q) => setFilters({ ...filters, q })} />
        <FilterSheet
          filters={filters}
          onApply={setFilters}
          count={count}
          resetOf={(f: CrewFilters) => ({ ...EMPTY_CREW_FILTERS, q: f.q })}
          labels={{
            title: t('crews.filters.title'),
            count: t('crews.filters.count', { count }),
            reset: t('crews.filters.reset'),
            apply: t('crews.filters.apply'),
          }}
          panel={(value, onChange) => <CrewFiltersPanel value={value} onChange={onChange} />}
        />
      </div>
      <div className={listStyles.layout}>
        <FilterSidebar title={t('crews.filters.title')} reset={reset}>
          <CrewFiltersPanel value={filters} onChange={setFilters} />
        </FilterSidebar>
        {/* A heading of its own (read, not shown): the cards' h3s follow an h2, not the h1 (axe: heading-order). */}
        <section className={listStyles.results} aria-labelledby={`${listId}-title`}>
          <h2 id={`${listId}-title`} className={hidden.srOnly}>
            {t('crews.list.label')}
          </h2>
          <CrewsList query={{ ...crewFiltersToQuery(filters), limit: 20 }} empty={empty} />
        </section>
      </div>
      {signedIn && (
        <AtWidth wide={false}>
          <ButtonLink to="/crews/new" className={listStyles.fab} size="lg">
            <PlusIcon width={20} height={20} />
            {t('crews.create')}
          </ButtonLink>
        </AtWidth>
      )}
    </div>
  );
}

/** The name search: applied on submit (Enter), not on every key. */
function NameSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className={styles.search} onSubmit={submit}>
      <label className={styles.searchField}>
        <SearchIcon width={18} height={18} aria-hidden="true" />
        <span className={styles.srOnly}>{t('crews.search.label')}</span>
        <input
          type="search"
          name="q"
          maxLength={50}
          value={text}
          placeholder={t('crews.search.placeholder')}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <Button type="submit" variant="outline">
        {t('crews.search.submit')}
      </Button>
    </form>
  );
}
