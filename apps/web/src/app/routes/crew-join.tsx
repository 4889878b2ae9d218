import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { CrewMembership } from '../../features/crews/components/crew-membership.tsx';
import { CrewMembershipPage } from '../../features/crews/components/crew-membership-page.tsx';
import styles from '../../components/page.module.css';

/** `/crews/:crewId/join?invite=…`: where an invite link (or a shared join link) lands. */
export function CrewJoinPage() {
  const { t } = useTranslation();
  const { crewId = '' } = useParams();
  const [search] = useSearchParams();
  const invite = search.get('invite') ?? undefined;
  return (
    <CrewMembershipPage crewId={crewId} title={t('crewMembers.joinPage.title')}>
      {({ crew }) => (
        <>
          <div className={styles.head}>
            <h1 className={styles.title}>
              {invite ? t('crewMembers.joinPage.invited', { name: crew.name }) : crew.name}
            </h1>
            <p className={styles.lead}>{t('crewMembers.joinPage.members', { count: crew.memberCount })}</p>
            <Link className={styles.back} to={`/crews/${crew.id}`}>
              {t('crewMembers.joinPage.toCrew')} →
            </Link>
          </div>
          <CrewMembership crew={crew} invite={invite} />
        </>
      )}
    </CrewMembershipPage>
  );
}
