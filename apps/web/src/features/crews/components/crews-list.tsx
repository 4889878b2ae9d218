import type { ListCrewsQuery } from '@erun/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../../components/card-list.tsx';
import { Carousel, CarouselRowSkeleton } from '../../../components/carousel.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { useCrews, useInfiniteCrews } from '../api/get-crews.ts';
import { CrewCard, CrewCardSkeleton } from './crew-card.tsx';

/** Crews found: skeletons first, then pages as the user scrolls (or presses "더 보기"). */
export function CrewsList({ query, empty }: { query: ListCrewsQuery; empty: ReactNode }) {
  const { t } = useTranslation();
  return (
    <CardList
      pages={useInfiniteCrews(query)}
      label={t('crews.list.label')}
      labels={{
        loading: t('crews.list.loading'),
        loadingMore: t('crews.list.loadingMore'),
        more: t('crews.list.more'),
      }}
      card={(crew) => <CrewCard crew={crew} />}
      skeleton={<CrewCardSkeleton />}
      skeletons={6}
      loadOnScroll
      empty={empty}
    />
  );
}

/** One page of crews as a swipeable row (home page). */
export function CrewsRow({
  query,
  label,
  empty,
}: {
  query: ListCrewsQuery;
  label: string;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const crews = useCrews(query);
  if (crews.isPending) {
    return (
      <CarouselRowSkeleton label={t('crews.list.loading')}>
        <CrewCardSkeleton />
        <CrewCardSkeleton />
        <CrewCardSkeleton />
      </CarouselRowSkeleton>
    );
  }
  if (crews.isError) return <FormAlert message={errorMessage(crews.error)} />;
  if (crews.data.items.length === 0) return <>{empty}</>;
  return (
    <Carousel label={label} variant="row">
      {crews.data.items.map((crew) => (
        <CrewCard key={crew.id} crew={crew} />
      ))}
    </Carousel>
  );
}
