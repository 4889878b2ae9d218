import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { BackState, QueryPage } from '../../components/query-page.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useMyCrewMembership } from '../../features/crews/api/crew-membership.ts';
import { CrewMembership } from '../../features/crews/components/crew-membership.tsx';
import { cx } from '../../lib/cx.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import styles from '../../components/page.module.css';

/** `/crews/:crewId/join?invite=…`: where an invite link (or a shared join link) lands. */
export function CrewJoinPage() {
  const { t } = useTranslation();
  const { crewId = '' } = useParams();
  const [search] = useSearchParams();
  const invite = search.get('invite') ?? undefined;
  const mine = useMyCrewMembership(crewId);
  useDocumentTitle(t('crewMembers.joinPage.title'));
  return (
    <div className={cx(styles.page, styles.narrow)}>
      <QueryPage
        query={mine}
        loading={<Skeleton className={styles.title} />}
        notFound={
          <BackState icon="🏃" title={t('errors.crewNotFound')} to="/" back={t('crewMembers.page.back')} />
        }
      >
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
      </QueryPage>
    </div>
  );
}
