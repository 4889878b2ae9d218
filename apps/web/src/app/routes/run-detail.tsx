import type { Gender, Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import {
  Description,
  DetailLayout,
  DetailSection,
  DetailQueryPage,
  detailStyles,
  RouteSection,
} from '../../components/detail-page/detail-page.tsx';
import { CalendarIcon, CommentIcon } from '../../components/icons.tsx';
import { NoteList } from '../../components/detail-page/note-list.tsx';
import { AfterRunActions } from '../../features/after-run/components/after-run-actions.tsx';
import { useRunReliability } from '../../features/after-run/api/disputes.ts';
import { DisputePanel } from '../../features/after-run/components/dispute-panel.tsx';
import { ReliabilityLine } from '../../features/after-run/components/reliability-line.tsx';
import { Comments } from '../../features/comments/components/comments.tsx';
import { useRun } from '../../features/runs/api/get-run.ts';
import { RunBookmarkButton } from '../../features/runs/components/bookmark-button.tsx';
import { WomenOnlyBadge } from '../../components/women-only-badge.tsx';
import { CrewRunTags } from '../../features/runs/components/crew-run-tags.tsx';
import { RunBadgeLabel } from '../../features/runs/components/run-badge.tsx';
import { CoHosts } from '../../features/runs/components/run-detail/co-hosts.tsx';
import { HostActions } from '../../features/runs/components/run-detail/host-actions.tsx';
import { EditOccurrenceButton, RunAgain, SeriesChip } from '../../features/series/components/run-series.tsx';
import { HostCard } from '../../features/runs/components/run-detail/host-card.tsx';
import { JoinPanel } from '../../features/runs/components/run-detail/join-panel.tsx';
import { MeetingPlace } from '../../features/runs/components/run-detail/meeting-place.tsx';
import { Participants } from '../../features/runs/components/run-detail/participants.tsx';
import { PaceGroupBoard } from '../../features/runs/components/pace-groups/pace-group-board.tsx';
import { MoveRunner, PaceGroupLabel } from '../../features/runs/components/pace-groups/move-runner.tsx';
import { RunFacts } from '../../features/runs/components/run-detail/run-facts.tsx';
import { RunGallery } from '../../features/runs/components/run-detail/run-gallery.tsx';
import { SeatOfferNotice } from '../../features/runs/components/run-detail/seat-offer-notice.tsx';
import { ShareButtons } from '../../features/runs/components/run-detail/share-buttons.tsx';
import { RunWeather } from '../../features/weather/components/run-weather.tsx';
import { ReportButton, reportCommentAction } from '../../features/reports/components/report-button.tsx';
import { formatKm } from '../../lib/format.ts';
import { useDocumentDescription } from '../../lib/use-document-description.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { runDescription } from './page-descriptions.ts';
import { useSession } from '../use-session.ts';
import styles from './run-detail.module.css';
import { useLiveRun } from './use-live-run.ts';

export function RunDetailPage() {
  const { t, i18n } = useTranslation();
  const { runId = '' } = useParams();
  const run = useRun(runId);
  const session = useSession();
  const viewerId = session.status === 'signed-in' ? session.user.id : null;
  const restricted = session.status === 'signed-in' && session.user.restriction !== null;
  useLiveRun(runId, viewerId !== null);
  useDocumentTitle(run.data?.title ?? t('runs.title'));
  useDocumentDescription(run.data ? runDescription(t, run.data, i18n.language) : undefined);

  return (
    <DetailQueryPage query={run} kind="runDetail" listPath="/runs">
      {(data) => (
        <RunDetail
          run={data}
          viewerId={viewerId}
          viewerGender={session.status === 'signed-in' ? session.user.gender : null}
          restricted={restricted}
        />
      )}
    </DetailQueryPage>
  );
}

function RunDetail({
  run,
  viewerId,
  viewerGender,
  restricted,
}: {
  run: Run;
  viewerId: string | null;
  viewerGender: Gender | null;
  restricted: boolean;
}) {
  const { t } = useTranslation();
  const isHost = viewerId === run.host.id;
  // Host, co-host or the crew's staff; cancelling is the host's and the staff's (not a co-host's).
  const manages = run.canManage;
  // Whoever manages the run sees each runner's record beside their name ("출석률 92% · 노쇼 1", or 새 러너).
  const reliability = useRunReliability(run.id, manages);
  const records = new Map((reliability.data?.items ?? []).map((r) => [r.userId, r]));
  const isCoHost = run.coHosts.some((c) => c.id === viewerId);
  const editable = run.joinState !== 'started' && run.joinState !== 'cancelled';
  const notes = [
    [t('runDetail.logistics.parking'), run.parking],
    [t('runDetail.logistics.baggage'), run.baggage],
  ] as const;

  return (
    <DetailLayout
      gallery={<RunGallery photos={run.photos} theme={run.theme} title={run.title} />}
      summary={
        <>
          <div className={styles.titleRow}>
            <RunBadgeLabel run={run} />
            <SeriesChip run={run} />
            <WomenOnlyBadge womenOnly={run.womenOnly} />
            <span className={styles.region}>
              {t(`region.${run.region}`)} · {t(`theme.${run.theme}`)}
            </span>
          </div>
          <CrewRunTags run={run} link guests className={styles.crewTags} />
          <h1 className={detailStyles.title}>{run.title}</h1>
          <SeatOfferNotice run={run} />
          {manages && (
            <HostActions
              run={run}
              canCancel={isHost || (run.crew !== null && !isCoHost)}
              edit={run.seriesId && isHost ? <EditOccurrenceButton run={run} /> : undefined}
            />
          )}
          {isHost && <RunAgain run={run} />}
          <AfterRunActions run={run} viewerId={viewerId} className={styles.afterRun} />
          {/* A runner marked absent is told so here and may dispute it (from the start: absent is recorded then). */}
          {viewerId !== null && run.myStatus === 'joined' && run.joinState === 'started' && (
            <DisputePanel runId={run.id} className={styles.afterRun} />
          )}
          <RunFacts run={run} />
          {/* The forecast at the start; the server answers null when there is none to show. */}
          <RunWeather runId={run.id} enabled={run.joinState !== 'cancelled'} />
          <div className={detailStyles.socialRow}>
            <RunBookmarkButton runId={run.id} title={run.title} bookmarked={run.bookmarked} withLabel />
            <ShareButtons run={run} />
            {/* A plain link carries no token: a members-only run's file is for signed-in readers only. */}
            {run.visibility === 'public' && (
              <a href={`/api/runs/${run.id}/ics`} download className={styles.ics}>
                <CalendarIcon width={18} height={18} aria-hidden="true" />
                {t('calendar.addToCalendar')}
              </a>
            )}
            {(isHost || run.myStatus === 'joined') && (
              <ButtonLink to={`/runs/${run.id}/chat`} variant="outline" size="sm" className={styles.chatLink}>
                <CommentIcon aria-hidden="true" width={18} height={18} />
                {t('chat.open')}
              </ButtonLink>
            )}
            {viewerId !== null && !isHost && <ReportButton targetType="run" targetId={run.id} />}
          </div>
        </>
      }
      bar={(className) => (
        <JoinPanel
          run={run}
          viewerId={viewerId}
          viewerGender={viewerGender}
          className={className}
          restricted={restricted}
        />
      )}
    >
      {run.paceGroups.length > 0 && (
        <DetailSection id="pace-groups" title={t('paceGroups.board.title', { count: run.paceGroups.length })}>
          <PaceGroupBoard run={run} viewerId={viewerId} viewerGender={viewerGender} restricted={restricted} />
        </DetailSection>
      )}

      <RouteSection
        id="run-course"
        title={t('runDetail.course')}
        distanceKm={run.distanceKm}
        route={run.route}
        meetingPoint={[run.meetingPlace.lat, run.meetingPlace.lng]}
        mapLabel={t('runDetail.mapLabel', { km: formatKm(run.distanceKm), place: run.meetingPlace.name })}
        gpx={{ href: `/api/runs/${run.id}/gpx`, label: t('runDetail.gpx') }}
      />

      <DetailSection id="run-place" title={t('runDetail.place.title')}>
        <MeetingPlace place={run.meetingPlace} />
        <NoteList notes={notes} none={t('runDetail.logistics.none')} />
      </DetailSection>

      <DetailSection id="run-about" title={t('runDetail.about')}>
        <Description text={run.description} empty={t('runDetail.noDescription')} />
      </DetailSection>

      <DetailSection id="run-host" title={t('runDetail.host.title')}>
        <HostCard host={run.host} />
        <CoHosts coHosts={run.coHosts} />
      </DetailSection>

      <DetailSection
        id="run-crew"
        title={t('runDetail.crew', { count: run.participantCount, capacity: run.capacity })}
      >
        <Participants
          runId={run.id}
          participants={run.participants}
          hostId={run.host.id}
          canRemove={manages && editable}
          note={manages ? (person) => <ReliabilityLine record={records.get(person.id)} /> : undefined}
          extra={
            run.paceGroups.length === 0
              ? undefined
              : (person) => {
                  const groupId = run.participants.find((p) => p.id === person.id)?.paceGroupId;
                  // The host (or a co-host) moves runners between groups until the start.
                  return manages && editable ? (
                    <MoveRunner run={run} person={{ ...person, paceGroupId: groupId }} />
                  ) : (
                    <PaceGroupLabel run={run} groupId={groupId} />
                  );
                }
          }
        />
      </DetailSection>

      <Comments
        target={{ kind: 'runs', id: run.id }}
        ownerId={run.host.id}
        viewerId={viewerId}
        reportAction={reportCommentAction}
      />
    </DetailLayout>
  );
}
