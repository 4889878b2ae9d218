import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../../components/card-list.tsx';
import { useInfiniteMyRuns } from '../api/get-my-runs.ts';
import { RunCard, RunCardSkeleton } from './run-card.tsx';

/** Runs I host or joined, latest first, cancelled and past ones included. */
export function MyRunsList({
  role,
  label,
  empty,
}: {
  role: 'host' | 'participant';
  label: string;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <CardList
      pages={useInfiniteMyRuns({ role, order: 'desc' })}
      label={label}
      labels={{
        loading: t('runs.list.loading'),
        loadingMore: t('runs.list.loadingMore'),
        more: t('runs.list.more'),
      }}
      card={(run) => <RunCard run={run} />}
      skeleton={<RunCardSkeleton />}
      skeletons={2}
      loadOnScroll={false}
      empty={empty}
    />
  );
}
