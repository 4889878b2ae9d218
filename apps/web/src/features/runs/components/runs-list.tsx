import type { ListRunsQuery } from '@erun/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { useInfiniteRuns } from '../api/get-runs.ts';
import { useOnVisible } from '../../../lib/use-on-visible.ts';
import { RunCard, RunCardSkeleton } from './run-card.tsx';
import styles from './runs-list.module.css';

const SKELETONS = 6;

/** A filtered list of runs: skeletons first, then pages as the user scrolls (or presses "더 보기"). */
export function RunsList({ query, empty }: { query: ListRunsQuery; empty: ReactNode }) {
  const { t } = useTranslation();
  const runs = useInfiniteRuns(query);
  const canLoad = runs.hasNextPage && !runs.isFetchingNextPage && !runs.isError;
  const sentinel = useOnVisible<HTMLDivElement>(() => void runs.fetchNextPage(), canLoad);

  if (runs.isPending) {
    return (
      <div className={styles.grid} role="status" aria-busy="true" aria-label={t('runs.list.loading')}>
        {Array.from({ length: SKELETONS }, (_, i) => (
          <RunCardSkeleton key={i} />
        ))}
      </div>
    );
  }
  if (runs.isError && !runs.data) {
    return (
      <div className={styles.error}>
        <FormAlert message={errorMessage(runs.error)} />
        <Button variant="outline" onClick={() => void runs.refetch()}>
          {t('common.retry')}
        </Button>
      </div>
    );
  }

  const items = runs.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <>{empty}</>;
  return (
    <div className={styles.wrap}>
      <ul className={styles.grid} aria-label={t('runs.list.label')}>
        {items.map((run) => (
          <li key={run.id}>
            <RunCard run={run} />
          </li>
        ))}
      </ul>
      {runs.isFetchingNextPage && (
        <div className={styles.grid} role="status" aria-label={t('runs.list.loadingMore')}>
          <RunCardSkeleton />
          <RunCardSkeleton />
        </div>
      )}
      {runs.isFetchNextPageError && <FormAlert message={errorMessage(runs.error)} />}
      <div ref={sentinel} />
      {runs.hasNextPage && (
        <Button
          variant="outline"
          className={styles.more}
          onClick={() => void runs.fetchNextPage()}
          pending={runs.isFetchingNextPage}
        >
          {t('runs.list.more')}
        </Button>
      )}
    </div>
  );
}
