import type { Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { CalendarIcon, CommentIcon, MapIcon } from '../../components/icons.tsx';
import { RouteMap } from '../../components/map/lazy.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { AfterRunActions } from '../../features/after-run/components/after-run-actions.tsx';
import { Comments } from '../../features/comments/components/comments.tsx';
import { useRun } from '../../features/runs/api/get-run.ts';
import { BookmarkButton } from '../../features/runs/components/bookmark-button.tsx';
import { RunBadgeLabel } from '../../features/runs/components/run-badge.tsx';
import { HostActions } from '../../features/runs/components/run-detail/host-actions.tsx';
import { HostCard } from '../../features/runs/components/run-detail/host-card.tsx';
import { JoinPanel } from '../../features/runs/components/run-detail/join-panel.tsx';
import { MeetingPlace } from '../../features/runs/components/run-detail/meeting-place.tsx';
import { Participants } from '../../features/runs/components/run-detail/participants.tsx';
import { RunFacts } from '../../features/runs/components/run-detail/run-facts.tsx';
import { RunGallery } from '../../features/runs/components/run-detail/run-gallery.tsx';
import { ShareButtons } from '../../features/runs/components/run-detail/share-buttons.tsx';
import { formatKm } from '../../lib/format.ts';
import { ApiError } from '../../lib/api-error.ts';
import { useClientConfig } from '../../lib/app-config.ts';
import { errorMessage } from '../../lib/messages.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './run-detail.module.css';
import { useLiveRun } from './use-live-run.ts';

export function RunDetailPage() {
  const { t } = useTranslation();
  const { runId = '' } = useParams();
  const run = useRun(runId);
  const session = useSession();
  const viewerId = session.status === 'signed-in' ? session.user.id : null;
  useLiveRun(runId, viewerId !== null);
  useDocumentTitle(run.data?.title ?? t('runs.title'));

  if (run.isPending) return <DetailSkeleton />;
  if (run.isError) {
    if (run.error instanceof ApiError && [400, 404].includes(run.error.status)) return <RunNotFound />;
    return (
      <div className={styles.page}>
        <FormAlert message={errorMessage(run.error)} />
      </div>
    );
  }
  return <RunDetail run={run.data} viewerId={viewerId} />;
}

function RunDetail({ run, viewerId }: { run: Run; viewerId: string | null }) {
  const { t } = useTranslation();
  const config = useClientConfig();
  const isHost = viewerId === run.host.id;
  const editable = run.joinState !== 'started' && run.joinState !== 'cancelled';
  const notes = [
    [t('runDetail.logistics.parking'), run.parking],
    [t('runDetail.logistics.baggage'), run.baggage],
  ] as const;

  return (
    <div className={styles.page}>
      <div className={styles.layout}>
        <div className={styles.gallery}>
          <RunGallery photos={run.photos} theme={run.theme} title={run.title} />
        </div>
        <div className={styles.side}>
          <div className={styles.summary}>
            <div className={styles.titleRow}>
              <RunBadgeLabel run={run} />
              <span className={styles.region}>
                {t(`region.${run.region}`)} · {t(`theme.${run.theme}`)}
              </span>
            </div>
            <h1 className={styles.title}>{run.title}</h1>
            {isHost && <HostActions run={run} />}
            <AfterRunActions run={run} viewerId={viewerId} className={styles.afterRun} />
            <RunFacts run={run} />
            <div className={styles.socialRow}>
              <BookmarkButton runId={run.id} title={run.title} bookmarked={run.bookmarked} withLabel />
              <ShareButtons run={run} />
              <a href={`/api/runs/${run.id}/ics`} download className={styles.ics}>
                <CalendarIcon width={18} height={18} aria-hidden="true" />
                {t('calendar.addToCalendar')}
              </a>
              {(isHost || run.myStatus === 'joined') && (
                <ButtonLink
                  to={`/runs/${run.id}/chat`}
                  variant="outline"
                  size="sm"
                  className={styles.chatLink}
                >
                  <CommentIcon aria-hidden="true" width={18} height={18} />
                  {t('chat.open')}
                </ButtonLink>
              )}
            </div>
          </div>
          <JoinPanel run={run} viewerId={viewerId} className={styles.joinBar} />
        </div>
        <div className={styles.main}>
          <section className={styles.section} aria-labelledby="run-course">
            <h2 id="run-course" className={styles.sectionTitle}>
              {t('runDetail.course')} <span className={styles.muted}>{formatKm(run.distanceKm)}</span>
            </h2>
            <RouteMap
              className={styles.map}
              route={run.route}
              meetingPoint={[run.meetingPlace.lat, run.meetingPlace.lng]}
              tiles={{ url: config.tileUrl, attribution: config.tileAttribution }}
              label={t('runDetail.mapLabel', { km: formatKm(run.distanceKm), place: run.meetingPlace.name })}
              labels={{ start: t('map.start'), finish: t('map.finish'), meeting: t('map.meeting') }}
            />
            <a href={`/api/runs/${run.id}/gpx`} download className={styles.gpx}>
              {t('runDetail.gpx')}
            </a>
          </section>

          <section className={styles.section} aria-labelledby="run-place">
            <h2 id="run-place" className={styles.sectionTitle}>
              {t('runDetail.place.title')}
            </h2>
            <MeetingPlace place={run.meetingPlace} />
            <dl className={styles.notes}>
              {notes.map(([label, value]) => (
                <div key={label} className={styles.note}>
                  <dt>{label}</dt>
                  <dd>{value ?? t('runDetail.logistics.none')}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section className={styles.section} aria-labelledby="run-about">
            <h2 id="run-about" className={styles.sectionTitle}>
              {t('runDetail.about')}
            </h2>
            {run.description ? (
              <p className={styles.description}>{run.description}</p>
            ) : (
              <p className={styles.muted}>{t('runDetail.noDescription')}</p>
            )}
          </section>

          <section className={styles.section} aria-labelledby="run-host">
            <h2 id="run-host" className={styles.sectionTitle}>
              {t('runDetail.host.title')}
            </h2>
            <HostCard host={run.host} />
          </section>

          <section className={styles.section} aria-labelledby="run-crew">
            <h2 id="run-crew" className={styles.sectionTitle}>
              {t('runDetail.crew', { count: run.participantCount, capacity: run.capacity })}
            </h2>
            <Participants
              runId={run.id}
              participants={run.participants}
              hostId={run.host.id}
              canRemove={isHost && editable}
            />
          </section>

          <Comments target={{ kind: 'runs', id: run.id }} ownerId={run.host.id} viewerId={viewerId} />
        </div>
      </div>
    </div>
  );
}

function RunNotFound() {
  const { t } = useTranslation();
  return (
    <div className={styles.page}>
      <EmptyState
        icon={<MapIcon />}
        title={t('runDetail.notFound.title')}
        description={t('runDetail.notFound.description')}
        action={
          <ButtonLink to="/runs" variant="secondary">
            {t('runDetail.notFound.back')}
          </ButtonLink>
        }
      />
    </div>
  );
}

function DetailSkeleton() {
  const { t } = useTranslation();
  return (
    <div className={styles.page} role="status" aria-busy="true" aria-label={t('shell.loading')}>
      <Skeleton className={styles.skeletonPhoto} />
      <Skeleton className={styles.skeletonTitle} />
      <Skeleton className={styles.skeletonLine} />
      <Skeleton className={styles.skeletonLine} />
    </div>
  );
}
