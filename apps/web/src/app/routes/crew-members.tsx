import type { CrewMemberStatus, MyCrewMembership } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert.tsx';
import { Tabs } from '../../components/tabs.tsx';
import { CrewMembershipPage } from '../../features/crews/components/crew-membership-page.tsx';
import { CrewMembershipInvite } from '../../features/crews/components/crew-membership-invite.tsx';
import { CrewMembershipList } from '../../features/crews/components/crew-membership-list.tsx';
import { useMe } from '../../features/users/api/get-me.ts';
import styles from '../../components/page.module.css';

const TABS = ['member', 'pending', 'banned'] as const;

/** `/crews/:crewId/members`: the member list with roles; for staff also requests, bans and the invite link. */
export function CrewMembersPage() {
  const { t } = useTranslation();
  const { crewId = '' } = useParams();
  return (
    <CrewMembershipPage crewId={crewId} title={t('crewMembers.page.title')}>
      {(data) => <Members crewId={crewId} mine={data} />}
    </CrewMembershipPage>
  );
}

function Members({ crewId, mine }: { crewId: string; mine: MyCrewMembership }) {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const role = mine.status === 'member' ? mine.role : null;
  const staff = role === 'owner' || role === 'staff';
  const tab = TABS.find((k) => k === search.get('tab')) ?? 'member';
  const head = (
    <div className={styles.head}>
      <Link className={styles.back} to={`/crews/${crewId}`}>
        ← {mine.crew.name}
      </Link>
      <h1 className={styles.title}>{t(staff ? 'crewMembers.page.title' : 'crewMembers.page.titleMember')}</h1>
      <p className={styles.lead}>{t('crewMembers.page.members', { count: mine.crew.memberCount })}</p>
    </div>
  );
  if (role === null || !me.data)
    return (
      <>
        {head}
        {role === null && <FormAlert message={{ key: 'errors.notCrewMember' }} />}
      </>
    );
  const list = (status: CrewMemberStatus) => (
    <CrewMembershipList
      crewId={crewId}
      status={status}
      viewerRole={role}
      viewerId={me.data.id}
      questions={mine.crew.questions}
    />
  );
  if (!staff)
    return (
      <>
        {head}
        {list('member')}
      </>
    );
  const pendingLabel = mine.pendingCount
    ? `${t('crewMembers.page.tabs.pending')} ${mine.pendingCount}`
    : t('crewMembers.page.tabs.pending');
  return (
    <>
      {head}
      <p>
        <Link to={`/admin?crew=${crewId}`}>{t('admin.crewLink')}</Link>
      </p>
      {mine.crew.joinPolicy !== 'open' && <CrewMembershipInvite crewId={crewId} />}
      <Tabs
        label={t('crewMembers.page.tabsLabel')}
        selected={tab}
        onSelect={(key) => setSearch(key === 'member' ? {} : { tab: key }, { replace: true })}
        tabs={TABS.map((key) => ({
          key,
          label: key === 'pending' ? pendingLabel : t(`crewMembers.page.tabs.${key}`),
          panel: list(key),
        }))}
      />
    </>
  );
}
