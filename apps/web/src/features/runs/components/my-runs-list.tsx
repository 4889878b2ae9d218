import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { useInfiniteMyRuns } from '../api/get-my-runs.ts';
import { RunCard, RunCardSkeleton } from './run-card.tsx';
import styles from './runs-list.module.css';

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
  const runs = useInfiniteMyRuns({ role, order: 'desc' });

  if (runs.isPending) {
    return (
      <div className={styles.grid} role="status" aria-busy="true" aria-label={t('runs.list.loading')}>
        <RunCardSkeleton />
        <RunCardSkeleton />
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
      <ul className={styles.grid} aria-label={label}>
        {items.map((run) => (
          <li key={run.id}>
            <RunCard run={run} />
          </li>
        ))}
      </ul>
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
