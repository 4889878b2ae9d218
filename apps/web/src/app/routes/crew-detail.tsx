import type { Crew, PublicUser } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  Description,
  DetailLayout,
  DetailQueryPage,
  DetailSection,
  detailStyles,
} from '../../components/detail-page/detail-page.tsx';
import { FactList, type Fact } from '../../components/detail-page/fact-list.tsx';
import { PersonCard } from '../../components/detail-page/person-card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { RunIcon } from '../../components/icons.tsx';
import { useAnnouncementsFollowRole } from '../../features/announcements/api/get-announcements.ts';
import { CrewAnnouncements } from '../../features/announcements/components/crew-announcements.tsx';
import { CrewChatLink } from '../../features/chat/components/crew-chat-link.tsx';
import { useCrew } from '../../features/crews/api/get-crew.ts';
import { CrewMembership } from '../../features/crews/components/crew-membership.tsx';
import { ReportButton } from '../../features/reports/components/report-button.tsx';
import { CrewOwnerActions } from '../../features/crews/components/owner-actions.tsx';
import { formatRhythm } from '../../features/crews/utils/rhythm.ts';
import { RunsRow } from '../../features/runs/components/runs-row.tsx';
import { formatKm, formatPace } from '../../lib/format.ts';
import { useDocumentDescription } from '../../lib/use-document-description.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { crewDescription } from './page-descriptions.ts';
import { WomenOnlyBadge } from '../../components/women-only-badge.tsx';
import { useSession } from '../use-session.ts';
import styles from './crews.module.css';

/** `/crews/:crewId`: cover, logo, name, rhythm, stats this month, staff and the crew's runs ahead. */
export function CrewDetailPage() {
  const { t } = useTranslation();
  const { crewId = '' } = useParams();
  const crew = useCrew(crewId);
  useDocumentTitle(crew.data?.name ?? t('crews.title'));
  useDocumentDescription(crew.data ? crewDescription(t, crew.data) : undefined);
  return (
    <DetailQueryPage query={crew} kind="crewDetail" listPath="/crews">
      {(data) => <CrewDetail crew={data} />}
    </DetailQueryPage>
  );
}

function CrewDetail({ crew }: { crew: Crew }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const role = crew.viewer.role;
  useAnnouncementsFollowRole(crew.id, role);
  const viewerGender = session.status === 'signed-in' ? session.user.gender : null;
  const rhythm = formatRhythm(crew.days, crew.time, i18n.language);
  const facts: Fact[] = [
    [t('crewDetail.facts.region'), crew.regions.map((r) => t(`region.${r}`)).join(' · ')],
    [t('crewDetail.facts.rhythm'), rhythm ?? t('crews.card.noRhythm')],
    [t('crewDetail.facts.spot'), crew.homeSpot.name, true],
    ...(crew.paceRange
      ? [
          [
            t('crewDetail.facts.pace'),
            t('crewDetail.paceRange', {
              min: formatPace(crew.paceRange.min),
              max: formatPace(crew.paceRange.max),
            }),
            true,
          ] as Fact,
        ]
      : []),
    ...(crew.level ? [[t('crewDetail.facts.level'), crew.level] as Fact] : []),
    [t('crewDetail.facts.policy'), t(`crews.policy.${crew.joinPolicy}`)],
    [
      t('crewDetail.facts.autoMember'),
      crew.autoMemberAfter === null
        ? t('crewDetail.autoMemberOff')
        : t('crewDetail.autoMember', { count: crew.autoMemberAfter }),
      true,
    ],
  ];

  return (
    <DetailLayout
      gallery={
        <div className={styles.cover}>
          {crew.cover && (
            <img
              src={crew.cover.urls.large}
              alt={t('crewDetail.coverAlt', { name: crew.name })}
              className={styles.coverImage}
            />
          )}
          {crew.logo ? (
            <img
              src={crew.logo.urls.small}
              alt={t('crewDetail.logoAlt', { name: crew.name })}
              className={styles.logo}
            />
          ) : (
            <span className={styles.logo} aria-hidden="true">
              {[...crew.name.trim()][0] ?? '?'}
            </span>
          )}
        </div>
      }
      summary={
        <>
          <WomenOnlyBadge womenOnly={crew.womenOnly} />
          <p className={styles.region}>
            {crew.regions.map((r) => t(`region.${r}`)).join(' · ')}
            {crew.beginnerFriendly && ` · ${t('crews.card.beginner')}`}
          </p>
          <h1 className={detailStyles.title}>{crew.name}</h1>
          <p className={styles.meta}>
            {t('crewDetail.members', { count: crew.memberCount })}
            {rhythm && ` · ${rhythm}`}
          </p>
          {role && <p className={styles.you}>{t(`crewDetail.viewer.${role}`)}</p>}
          <div className={styles.actions}>
            <CrewMembership crew={crew} womenOnly={crew.womenOnly} viewerGender={viewerGender} />
            {role && <CrewChatLink crewId={crew.id} />}
            {session.status === 'signed-in' && role !== 'owner' && (
              <ReportButton targetType="crew" targetId={crew.id} />
            )}
          </div>
          {role === 'owner' && <CrewOwnerActions crew={crew} />}
          <FactList facts={facts} />
        </>
      }
      bar={() => null}
    >
      <CrewAnnouncements
        key={role ?? 'outsider'}
        crewId={crew.id}
        canWrite={role === 'owner' || role === 'staff'}
        member={role !== null}
      />

      <DetailSection id="crew-runs" title={t('crewDetail.runs.title')}>
        <RunsRow
          query={{ crewId: crew.id, sort: 'soonest', limit: 10 }}
          label={t('crewDetail.runs.title')}
          empty={<EmptyState icon={<RunIcon />} title={t('crewDetail.runs.empty')} />}
        />
      </DetailSection>

      <DetailSection id="crew-stats" title={t('crewDetail.stats.title')}>
        <dl className={styles.stats}>
          <div className={styles.stat}>
            <dt>{t('crewDetail.stats.runs')}</dt>
            <dd>{t('crewDetail.stats.runsValue', { count: crew.stats.runsThisMonth })}</dd>
          </div>
          <div className={styles.stat}>
            <dt>{t('crewDetail.stats.km')}</dt>
            <dd>{formatKm(crew.stats.kmThisMonth)}</dd>
          </div>
        </dl>
      </DetailSection>

      <DetailSection id="crew-about" title={t('crewDetail.about')}>
        <Description text={crew.description} empty={t('crewDetail.noDescription')} />
      </DetailSection>

      <DetailSection id="crew-staff" title={t('crewDetail.staff.title')}>
        <ul className={styles.people}>
          <li>
            <StaffCard person={crew.owner} role={t('crewDetail.staff.owner')} />
          </li>
          {crew.staff.map((person) => (
            <li key={person.id}>
              <StaffCard person={person} role={t('crewDetail.staff.staff')} />
            </li>
          ))}
        </ul>
      </DetailSection>
    </DetailLayout>
  );
}

function StaffCard({ person, role }: { person: PublicUser; role: string }) {
  const { t } = useTranslation();
  return (
    <PersonCard
      person={person}
      role={role}
      name={<Link to={`/users/${person.id}`}>{person.nickname}</Link>}
      stats={
        person.runningLevel ? (
          <li>{t('runDetail.host.level', { level: t(`level.${person.runningLevel}`) })}</li>
        ) : null
      }
    />
  );
}
