import { RUNS_PAGE, type ListRunsQuery, type RunSummary } from '@erun/contracts';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../../components/button.tsx';
import { FormAlert } from '../../../../components/form-alert.tsx';
import { ClockIcon, PinIcon } from '../../../../components/icons.tsx';
import { ClusterMap } from '../../../../components/map/lazy.tsx';
import { useClientConfig } from '../../../../lib/app-config.ts';
import { useWideLayout } from '../../../../lib/use-wide-layout.ts';
import { formatShortDateTime } from '../../../../lib/datetime.ts';
import { formatKm } from '../../../../lib/format.ts';
import { cardPace } from '../../utils/format.ts';
import { errorMessage } from '../../../../lib/messages.ts';
import { useRunsInBox } from '../../api/get-runs.ts';
import { formatBbox, KOREA_BBOX, type Bbox } from '../../utils/bbox.ts';
import { RunCard, RunCardSkeleton } from '../run-card.tsx';
import styles from './runs-map-view.module.css';

interface RunsMapViewProps {
  /** The list's filters (without the box): the map keeps them. */
  query: ListRunsQuery;
  /** The box in the URL, or null: the map starts on all of Korea. */
  bbox: Bbox | null;
  /** The map settled on a new box (debounced): the page writes it to the URL. */
  onMove: (bbox: Bbox) => void;
  /** What the list shows when nothing is in view (the page's reset and create actions). */
  emptyActions?: ReactNode;
}

/**
 * `/runs?view=map`: the runs whose meeting place is in the map's visible box, as clustered pins, and the same
 * runs as a list that follows the map. A pin shows its run's card on the map; a cluster zooms in.
 */
export function RunsMapView({ query, bbox, onMove, emptyActions }: RunsMapViewProps) {
  // Map beside the list (wide screens): the wheel zooms the map.
  const wide = useWideLayout() === true;
  const { t } = useTranslation();
  const config = useClientConfig();
  const view = bbox ?? KOREA_BBOX;
  const runs = useRunsInBox({ ...query, bbox: formatBbox(view), limit: RUNS_PAGE.bboxLimitMax });
  const items = useMemo(() => runs.data?.items ?? [], [runs.data]);
  const points = useMemo(
    () => items.map((r) => ({ id: r.id, lat: r.meetingPlace.lat, lng: r.meetingPlace.lng, label: r.title })),
    [items],
  );
  const [selected, setSelected] = useState<string[]>([]);
  const chosen = items.filter((r) => selected.includes(r.id));
  const headingId = useId();

  const loading = runs.isPending || (runs.isFetching && runs.isPlaceholderData);
  const failed = runs.isError;
  const empty = runs.isSuccess && !runs.isPlaceholderData && items.length === 0;
  const more = runs.data?.nextCursor != null;

  return (
    <div className={styles.layout}>
      <div className={styles.mapArea}>
        <ClusterMap
          className={styles.map}
          points={points}
          view={view}
          onMove={onMove}
          onSelect={setSelected}
          selected={selected}
          tiles={{ url: config.tileUrl, attribution: config.tileAttribution }}
          label={t('runsMap.mapLabel')}
          labels={{
            cluster: (count) => t('runsMap.cluster', { count }),
            twoFingers: t('runsMap.twoFingers'),
          }}
          wheelZoom={wide}
        />
        <div className={styles.status}>
          {failed ? (
            <p className={styles.chip}>
              {t('runsMap.error')}
              <Button size="sm" variant="outline" onClick={() => void runs.refetch()}>
                {t('common.retry')}
              </Button>
            </p>
          ) : loading ? (
            <p className={styles.chip} aria-hidden="true">
              {t('runsMap.loading')}
            </p>
          ) : empty ? (
            <p className={styles.chip} aria-hidden="true">
              {t('runsMap.empty.title')}
            </p>
          ) : null}
        </div>
        {chosen.length > 0 && <ChosenRuns runs={chosen} onClose={() => setSelected([])} />}
      </div>
      <section className={styles.list} aria-labelledby={headingId} aria-busy={loading}>
        <h2 id={headingId} className={styles.heading} aria-live="polite">
          {runs.isPending
            ? t('runsMap.loading')
            : t(more ? 'runsMap.inViewMore' : 'runsMap.inView', { count: items.length })}
        </h2>
        {runs.isPending ? (
          <div className={styles.cards} aria-hidden="true">
            {[0, 1, 2].map((i) => (
              <RunCardSkeleton key={i} />
            ))}
          </div>
        ) : failed && !runs.data ? (
          <div className={styles.error}>
            <FormAlert message={errorMessage(runs.error)} />
            <Button variant="outline" onClick={() => void runs.refetch()}>
              {t('common.retry')}
            </Button>
          </div>
        ) : empty ? (
          <div className={styles.empty}>
            <p className={styles.emptyTitle}>{t('runsMap.empty.title')}</p>
            <p className={styles.emptyText}>{t('runsMap.empty.description')}</p>
            {emptyActions}
          </div>
        ) : (
          <>
            <ul className={styles.cards} aria-label={t('runsMap.listLabel')}>
              {items.map((run) => (
                <li key={run.id}>
                  <RunCard run={run} />
                </li>
              ))}
            </ul>
            {more && <p className={styles.more}>{t('runsMap.moreHint')}</p>}
          </>
        )}
      </section>
    </div>
  );
}

/** The tapped pin's run (or the runs of one spot) over the map, with a way to its page. */
function ChosenRuns({ runs, onClose }: { runs: RunSummary[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const ids = runs.map((r) => r.id).join(',');
  // A pin chosen with the keyboard (Enter) moves the focus to what it opened.
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [ids]);
  const title = runs.length > 1 ? t('runsMap.chosenMany', { count: runs.length }) : t('runsMap.chosen');
  return (
    <section ref={ref} className={styles.chosen} aria-label={title} tabIndex={-1}>
      <div className={styles.chosenHead}>
        <h3 className={styles.chosenTitle}>{title}</h3>
        <Button size="sm" variant="ghost" onClick={onClose}>
          {t('runsMap.close')}
        </Button>
      </div>
      <ul className={styles.chosenList}>
        {runs.map((run) => (
          <li key={run.id} className={styles.chosenRun}>
            <Link to={`/runs/${run.id}`} className={styles.chosenLink}>
              {run.title}
            </Link>
            <p className={styles.chosenLine}>
              <ClockIcon width={14} height={14} />
              <time dateTime={run.startsAt}>{formatShortDateTime(run.startsAt, i18n.language)}</time>
            </p>
            <p className={styles.chosenLine}>
              <PinIcon width={14} height={14} />
              <span>{run.meetingPlace.name}</span>
            </p>
            <p className={styles.chosenFacts}>
              {[
                formatKm(run.distanceKm),
                cardPace(run),
                t('runs.card.seats', { count: run.participantCount, capacity: run.capacity }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <Link to={`/runs/${run.id}`} className={styles.chosenOpen} aria-hidden="true" tabIndex={-1}>
              {t('runsMap.open')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
