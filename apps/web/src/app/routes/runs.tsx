import { RUN_SORTS } from '@erun/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, ButtonLink } from '../../components/button.tsx';
import { PlusIcon, RunIcon, SearchIcon } from '../../components/icons.tsx';
import {
  FilterAndSort,
  FilterSidebar,
  ListEmpty,
  listStyles,
} from '../../components/list-page/list-page.tsx';
import { CrewSearchResults } from '../../features/crews/components/crew-search-results.tsx';
import { useMyCrews } from '../../features/runs/api/get-my-crews.ts';
import { ForMeChip, hasPreferences } from '../../features/runs/components/for-me-chip.tsx';
import { RunFiltersPanel } from '../../features/runs/components/run-filters-panel.tsx';
import { RunsList } from '../../features/runs/components/runs-list.tsx';
import { RunsMapView } from '../../features/runs/components/runs-map/runs-map-view.tsx';
import { ViewSwitch, type RunsView } from '../../features/runs/components/runs-map/view-switch.tsx';
import { SaveSearchButton } from '../../features/saved-searches/components/save-search-button.tsx';
import { useRunFilters } from '../../features/runs/hooks/use-run-filters.ts';
import { formatBbox, parseBbox, type Bbox } from '../../features/runs/utils/bbox.ts';
import {
  countFilters,
  EMPTY_FILTERS,
  filtersToQuery,
  type RunFilters,
} from '../../features/runs/utils/run-filters.ts';
import { cx } from '../../lib/cx.ts';
import { useDocumentDescription } from '../../lib/use-document-description.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import hidden from '../../components/visually-hidden.module.css';
import styles from './runs.module.css';

export function RunsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('runs.title'));
  useDocumentDescription(t('seo.runs'));
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  // Suspended or banned: "러닝 만들기" shows disabled with the reason, before any tap.
  const restricted = signedIn && session.user.restriction !== null;
  const [filters, setFilters] = useRunFilters();
  const prefs = signedIn ? session.user : null;
  const personal = hasPreferences(prefs);
  const myCrews = useMyCrews(signedIn).data?.items ?? [];
  const origin = originOf(filters.near);
  const count = countFilters(filters);
  const reset =
    count > 0 ? { label: t('runs.filters.reset'), onReset: () => setFilters(resetOf(filters)) } : undefined;
  const [view, bbox, setView, setBbox] = useRunsView();
  const panelId = useId();
  const tabId = useId();

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
    // The map view keeps the list's width: the page lines up with the header whichever view is on.
    <div className={cx(listStyles.page, signedIn && styles.withFab)}>
      <div className={styles.head}>
        <div className={listStyles.head}>
          <h1 className={listStyles.title}>{t('runs.title')}</h1>
          <p className={listStyles.lead}>{t('runs.lead')}</p>
        </div>
        <ViewSwitch value={view} onChange={setView} panelId={panelId} idPrefix={tabId} />
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
            // With a keyword the server ranks the default order by relevance (then date): say so.
            sortLabel={(sort) =>
              sort === 'soonest' && filters.q.trim() !== '' ? t('runs.sort.relevance') : undefined
            }
            panel={(value, onChange) => <RunFiltersPanel value={value} onChange={onChange} crews={myCrews} />}
          />
        </div>
      </div>
      {/* The map's box is its place filter: 내 조건's regions would empty a map panned elsewhere. */}
      {personal && view === 'list' && (
        <div className={styles.chips}>
          <ForMeChip
            prefs={prefs}
            pressed={filters.forMe}
            onToggle={(forMe) => setFilters({ ...filters, forMe })}
          />
        </div>
      )}
      <div className={listStyles.layout}>
        <FilterSidebar title={t('runs.filters.title')} reset={reset}>
          <RunFiltersPanel value={filters} onChange={setFilters} crews={myCrews} />
        </FilterSidebar>
        <div className={listStyles.results} id={panelId} role="tabpanel" aria-labelledby={`${tabId}-${view}`}>
          {view === 'map' ? (
            <RunsMapView
              query={filtersToQuery(filters, false)}
              bbox={bbox}
              onMove={setBbox}
              emptyActions={
                reset && (
                  <Button variant="outline" onClick={reset.onReset}>
                    {reset.label}
                  </Button>
                )
              }
            />
          ) : (
            <>
              {signedIn && <SaveSearchButton filters={filters} />}
              <CrewSearchResults q={filters.q} region={filters.region} />
              {/* A heading of its own (read, not shown): the cards' h3s follow an h2, not the h1 (axe: heading-order). */}
              <section aria-labelledby={`${panelId}-list`}>
                <h2 id={`${panelId}-list`} className={hidden.srOnly}>
                  {t('runs.list.label')}
                </h2>
                <RunsList query={filtersToQuery(filters, personal)} empty={empty} origin={origin} />
              </section>
            </>
          )}
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

/**
 * 목록 or 지도, and the map's box, in the URL (`?view=map&bbox=south,west,north,east`) so back and refresh
 * keep them. Switching is a history entry; the map's own moves replace the box in place.
 */
function useRunsView(): [RunsView, Bbox | null, (view: RunsView) => void, (bbox: Bbox) => void] {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const view: RunsView = params.get('view') === 'map' ? 'map' : 'list';
  const bbox = view === 'map' ? parseBbox(params.get('bbox')) : null;
  const go = (next: URLSearchParams, replace: boolean) => {
    const search = next.toString().replace(/%2C/gi, ',');
    void navigate({ search: search ? `?${search}` : '' }, { replace, preventScrollReset: true });
  };
  const setView = (next: RunsView) => {
    if (next === view) return;
    const copy = new URLSearchParams(params);
    copy.delete('bbox');
    if (next === 'map') copy.set('view', 'map');
    else copy.delete('view');
    go(copy, false);
  };
  const setBbox = (next: Bbox) => {
    // The map calls the latest render's setBbox (it keeps it in a ref), so `params` is current.
    const copy = new URLSearchParams(params);
    if (copy.get('view') !== 'map') return;
    const value = formatBbox(next);
    if (copy.get('bbox') === value) return;
    copy.set('bbox', value);
    go(copy, true);
  };
  return [view, bbox, setView, setBbox];
}

/** A reset keeps the sort and "내 조건". */
const resetOf = (filters: RunFilters): RunFilters => ({
  ...EMPTY_FILTERS,
  sort: filters.sort,
  forMe: filters.forMe,
});

/** The runner's position from the `near` filter ("lat,lng"), or null. */
function originOf(near: string): { lat: number; lng: number } | null {
  if (!near) return null;
  const [lat, lng] = near.split(',').map(Number);
  return lat === undefined || lng === undefined ? null : { lat, lng };
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
        <span className={listStyles.srOnly}>{t('runs.search.label')}</span>
        <SearchIcon width={20} height={20} className={styles.searchIcon} />
        <input
          type="search"
          name="q"
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
