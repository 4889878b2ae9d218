import type { Region } from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCrewSearch } from '../api/get-crews.ts';
import { crewFiltersToSearch, EMPTY_CREW_FILTERS } from '../utils/crew-filters.ts';
import { CrewRow } from './crew-row.tsx';
import styles from './crew-search-results.module.css';

/** Crews shown beside another list's results; the rest are on /crews. */
const SHOWN = 3;
/** One page asked for, to say how many more there are ("크루 12개 더 보기"). */
const ASKED = 20;

/**
 * "크루": up to three crews matching a keyword searched elsewhere (the runs page), in the same regions, with a
 * link to all of them on /crews. Nothing shows without a keyword, without a match, while the first answer
 * loads (the crew search answers well before the results it sits above) or when the search fails: the
 * page's own results never wait for it or break with it.
 */
export function CrewSearchResults({ q, region }: { q: string; region: readonly Region[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const keyword = q.trim();
  const regions = region.length > 0 ? region.join(',') : undefined;
  const crews = useCrewSearch({ q: keyword || undefined, region: regions, limit: ASKED });
  if (!keyword || !crews.isSuccess || crews.data.items.length === 0) return null;

  const { items, nextCursor } = crews.data;
  const more = items.length - SHOWN;
  const search = crewFiltersToSearch({ ...EMPTY_CREW_FILTERS, q: keyword, region: [...region] });
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h2 id={headingId} className={styles.title}>
          {t('crewSearch.title')}
        </h2>
        {more > 0 && (
          <Link to={`/crews?${search}`} className={styles.more}>
            {t(nextCursor ? 'crewSearch.moreMany' : 'crewSearch.more', { count: more })}
          </Link>
        )}
      </div>
      <ul className={styles.list} aria-labelledby={headingId}>
        {items.slice(0, SHOWN).map((crew) => (
          <li key={crew.id} className={styles.item}>
            <CrewRow crew={crew} />
          </li>
        ))}
      </ul>
    </section>
  );
}
