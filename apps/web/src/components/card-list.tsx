import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/messages.ts';
import { useOnVisible } from '../lib/use-on-visible.ts';
import { Button } from './button.tsx';
import styles from './card-list.module.css';
import { FormAlert } from './form-alert.tsx';

interface CardListProps<T extends { id: string }> {
  /** Pages of cards (runs, courses…), fetched by cursor. */
  pages: UseInfiniteQueryResult<InfiniteData<{ items: T[] }>>;
  /** The list's accessible name. */
  label: string;
  labels: { loading: string; loadingMore: string; more: string };
  /** One card; `index` is its place in the list (the first may load its image at once: it is the LCP). */
  card: (item: T, index: number) => ReactNode;
  /** One card's placeholder. */
  skeleton: ReactNode;
  /** How many skeletons stand in while the first page loads. */
  skeletons: number;
  /** The next page loads as the end comes into view (else only by "더 보기"). */
  loadOnScroll: boolean;
  /** What an empty list shows instead (the page's words for "nothing matches"). */
  empty: ReactNode;
}

/** A grid of cards: skeletons first, an error with a retry, the empty state, then pages ("더 보기"). */
export function CardList<T extends { id: string }>({
  pages,
  label,
  labels,
  card,
  skeleton,
  skeletons,
  loadOnScroll,
  empty,
}: CardListProps<T>) {
  const { t } = useTranslation();
  const canLoad = loadOnScroll && pages.hasNextPage && !pages.isFetchingNextPage && !pages.isError;
  const sentinel = useOnVisible<HTMLDivElement>(() => void pages.fetchNextPage(), canLoad);

  if (pages.isPending) {
    return (
      <div className={styles.grid} role="status" aria-busy="true" aria-label={labels.loading}>
        {Array.from({ length: skeletons }, (_, i) => (
          <Fragment key={i}>{skeleton}</Fragment>
        ))}
      </div>
    );
  }
  if (pages.isError && !pages.data) {
    return (
      <div className={styles.error}>
        <FormAlert message={errorMessage(pages.error)} />
        <Button variant="outline" onClick={() => void pages.refetch()}>
          {t('common.retry')}
        </Button>
      </div>
    );
  }

  const items = pages.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <>{empty}</>;
  return (
    <div className={styles.wrap}>
      <ul className={styles.grid} aria-label={label}>
        {items.map((item, index) => (
          <li key={item.id}>{card(item, index)}</li>
        ))}
      </ul>
      {loadOnScroll && (
        <>
          {pages.isFetchingNextPage && (
            <div className={styles.grid} role="status" aria-label={labels.loadingMore}>
              {skeleton}
              {skeleton}
            </div>
          )}
          {pages.isFetchNextPageError && <FormAlert message={errorMessage(pages.error)} />}
          <div ref={sentinel} />
        </>
      )}
      {pages.hasNextPage && (
        <Button
          variant="outline"
          className={styles.more}
          onClick={() => void pages.fetchNextPage()}
          pending={pages.isFetchingNextPage}
        >
          {labels.more}
        </Button>
      )}
    </div>
  );
}
