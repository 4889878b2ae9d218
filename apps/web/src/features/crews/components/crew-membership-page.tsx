import type { MyCrewMembership } from '@erun/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackState, QueryPage } from '../../../components/query-page.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { cx } from '../../../lib/cx.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import styles from '../../../components/page.module.css';
import { useMyCrewMembership } from '../api/crew-membership.ts';

type Props = {
  crewId: string;
  /** The document title. */
  title: string;
  children: (mine: MyCrewMembership) => ReactNode;
};

/** The narrow page around a crew's membership (join, members): loads my membership, or says the crew is gone. */
export function CrewMembershipPage({ crewId, title, children }: Props) {
  const { t } = useTranslation();
  const mine = useMyCrewMembership(crewId);
  useDocumentTitle(title);
  return (
    <div className={cx(styles.page, styles.narrow)}>
      <QueryPage
        query={mine}
        loading={<Skeleton className={styles.title} />}
        notFound={
          <BackState icon="🏃" title={t('errors.crewNotFound')} to="/" back={t('crewMembers.page.back')} />
        }
      >
        {children}
      </QueryPage>
    </div>
  );
}
