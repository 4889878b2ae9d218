import type { ListRunsQuery } from '@erun/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../../components/card-list.tsx';
import { useInfiniteRuns } from '../api/get-runs.ts';
import { RunCard, RunCardSkeleton } from './run-card.tsx';

const ABOVE_THE_FOLD = 3;

/** A filtered list of runs: skeletons first, then pages as the user scrolls (or presses "더 보기"). */
export function RunsList({
  query,
  empty,
  origin = null,
}: {
  query: ListRunsQuery;
  empty: ReactNode;
  /** The runner's position, when they asked for it: each card says how far its meeting point is. */
  origin?: { lat: number; lng: number } | null;
}) {
  const { t } = useTranslation();
  return (
    <CardList
      pages={useInfiniteRuns(query)}
      label={t('runs.list.label')}
      labels={{
        loading: t('runs.list.loading'),
        loadingMore: t('runs.list.loadingMore'),
        more: t('runs.list.more'),
      }}
      // On phones the first three compact cards fill the screen, and their thumbnails stretch to the card's height:
      // the tallest of them is the page's largest paint.
      card={(run, index) => <RunCard run={run} origin={origin} compact priority={index < ABOVE_THE_FOLD} />}
      skeleton={<RunCardSkeleton compact />}
      skeletons={6}
      loadOnScroll
      empty={empty}
    />
  );
}
