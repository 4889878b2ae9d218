import type { SeriesPage } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { RunIcon } from '../../components/icons.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { WomenOnlyBadge } from '../../components/women-only-badge.tsx';
import { BackState, QueryPage } from '../../components/query-page.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import page from '../../components/page.module.css';
import { errorMessage } from '../../lib/messages.ts';
import { formatPace } from '../../lib/format.ts';
import { RunCard, RunCardSkeleton } from '../../features/runs/components/run-card.tsx';
import { useEndSeries, useSeries } from '../../features/series/api/series.ts';
import { SeriesEditDialog } from '../../features/series/components/series-edit-dialog.tsx';
import styles from '../../features/series/components/series-page.module.css';
import chip from '../../features/series/components/run-series.module.css';
import { scheduleSummary } from '../../features/series/utils/schedule.ts';

/** `/series/:seriesId`: a 정기런's schedule, its coming dates as run cards, and its host's actions. */
export function SeriesDetailPage() {
  const { t } = useTranslation();
  const { seriesId = '' } = useParams();
  const query = useSeries(seriesId);
  return (
    <QueryPage
      query={query}
      className={page.page}
      loading={
        <>
          <Skeleton className={styles.summary} />
          <div className={styles.grid}>
            <RunCardSkeleton />
            <RunCardSkeleton />
          </div>
        </>
      }
      notFound={
        <BackState
          icon={<RunIcon width={40} height={40} />}
          title={t('series.page.notFound.title')}
          description={t('series.page.notFound.description')}
          to="/runs"
          back={t('series.page.notFound.back')}
        />
      }
    >
      {(data) => <SeriesView data={data} />}
    </QueryPage>
  );
}

function SeriesView({ data }: { data: SeriesPage }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const { series, upcoming } = data;
  const [params, setParams] = useSearchParams();
  const editFrom = params.get('edit') ?? undefined;
  const [editing, setEditing] = useState(editFrom !== undefined && series.canManage && !series.ended);
  const [ending, setEnding] = useState(false);
  const end = useEndSeries(series.id);
  const manage = series.canManage && !series.ended;

  const closeEdit = () => {
    setEditing(false);
    if (editFrom) setParams({}, { replace: true });
  };
  const confirmEnd = () =>
    end.mutate(undefined, {
      onSuccess: () => {
        setEnding(false);
        notify(t('series.endDialog.done'), 'info');
      },
      onError: (error) => {
        setEnding(false);
        notify(t(errorMessage(error).key), 'error');
      },
    });

  return (
    <div className={page.page}>
      <header className={styles.head}>
        <div className={styles.chipRow}>
          <span className={chip.chip}>{t('series.chip')}</span>
          <WomenOnlyBadge womenOnly={series.template.womenOnly} />
          {series.template.visibility === 'crew' && (
            <span className={styles.muted}>{t('series.page.crewOnly')}</span>
          )}
        </div>
        <h1 className={page.title}>{series.template.title}</h1>
        <p className={styles.summary}>{scheduleSummary(t, series.schedule)}</p>
        <ul className={styles.facts}>
          {series.crew && (
            <li>
              <Link to={`/crews/${series.crew.id}`} className={styles.crewLink}>
                {t('series.page.crew', { name: series.crew.name })}
              </Link>
            </li>
          )}
          <li>{t('series.page.host', { name: series.host.nickname })}</li>
          <li>
            {t('series.page.place')} {series.template.placeName}
          </li>
          <li>{t('series.page.capacity', { count: series.template.capacity })}</li>
          {series.template.paceGroups.length > 0 && (
            <li>
              {t('paceGroupsMore.series.groups', {
                paces: series.template.paceGroups.map((g) => formatPace(g.paceSecPerKm)).join(' · '),
              })}
            </li>
          )}
          <li>{t('series.page.duration', { count: series.template.durationMinutes })}</li>
        </ul>
        {series.ended && <p className={styles.ended}>{t('series.page.ended')}</p>}
        {manage && (
          <div className={styles.actions} role="group" aria-label={t('series.page.title')}>
            <Button variant="outline" size="sm" onClick={() => setEditing(true)}>
              {t('series.page.edit')}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setEnding(true)}>
              {t('series.page.end')}
            </Button>
          </div>
        )}
      </header>
      <section aria-labelledby="series-upcoming" className={styles.head}>
        <h2 id="series-upcoming" className={page.sectionTitle}>
          {t('series.page.upcoming')}
        </h2>
        {upcoming.length === 0 ? (
          <EmptyState icon={<RunIcon width={40} height={40} />} title={t('series.page.noUpcoming')} />
        ) : (
          <div className={styles.grid}>
            {upcoming.map((run) => (
              <RunCard key={run.id} run={run} />
            ))}
          </div>
        )}
      </section>
      {manage && editing && (
        <SeriesEditDialog series={series} open={editing} from={editFrom} onClose={closeEdit} />
      )}
      <ConfirmDialog
        open={ending}
        title={t('series.endDialog.title')}
        message={t('series.endDialog.message')}
        confirmLabel={t('series.endDialog.confirm')}
        onConfirm={confirmEnd}
        onCancel={() => setEnding(false)}
        pending={end.isPending}
      />
    </div>
  );
}
