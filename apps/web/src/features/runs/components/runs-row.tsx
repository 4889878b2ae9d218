import type { ListRunsQuery } from '@erun/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Carousel, CarouselRowSkeleton } from '../../../components/carousel.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { useRuns } from '../api/get-runs.ts';
import { RunCard, RunCardSkeleton } from './run-card.tsx';

interface RunsRowProps {
  query: ListRunsQuery;
  label: string;
  empty: ReactNode;
  /** The runner's position, when they asked for it (cards say how far). */
  origin?: { lat: number; lng: number } | null;
}

/** One page of runs as a swipeable row of cards (home page). */
export function RunsRow({ query, label, empty, origin = null }: RunsRowProps) {
  const { t } = useTranslation();
  const runs = useRuns(query);
  if (runs.isPending) {
    return (
      <CarouselRowSkeleton label={t('runs.list.loading')}>
        <RunCardSkeleton />
        <RunCardSkeleton />
        <RunCardSkeleton />
        <RunCardSkeleton />
      </CarouselRowSkeleton>
    );
  }
  if (runs.isError) return <FormAlert message={errorMessage(runs.error)} />;
  if (runs.data.items.length === 0) return <>{empty}</>;
  return (
    <Carousel label={label} variant="row">
      {runs.data.items.map((run, index) => (
        <RunCard key={run.id} run={run} origin={origin} priority={index === 0} />
      ))}
    </Carousel>
  );
}
