import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { UserIcon } from '../../components/icons.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { BlockUserButton } from '../../features/blocks/components/block-user-button.tsx';
import { useProfile } from '../../features/users/api/get-profile.ts';
import { PublicProfileCard } from '../../features/users/components/public-profile-card.tsx';
import { ReviewCounts } from '../../features/users/components/review-counts.tsx';
import { ReportButton } from '../../features/reports/components/report-button.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { errorMessage } from '../../lib/messages.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from '../../components/page.module.css';

/** `/users/:userId`: the public parts of a runner's profile. */
export function UserProfilePage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const profile = useProfile(userId);
  const session = useSession();
  const own = session.status === 'signed-in' && session.user.id === userId;
  useDocumentTitle(profile.data?.nickname ?? t('profilePage.title'));

  if (profile.isPending) {
    return (
      <div className={styles.page} role="status" aria-busy="true" aria-label={t('shell.loading')}>
        <Skeleton className={styles.skeletonCard} />
      </div>
    );
  }
  if (profile.isError) {
    const missing = profile.error instanceof ApiError && [400, 404].includes(profile.error.status);
    return (
      <div className={styles.page}>
        {missing ? (
          <EmptyState
            icon={<UserIcon />}
            title={t('profilePage.notFound.title')}
            description={t('profilePage.notFound.description')}
            action={
              <ButtonLink to="/runs" variant="secondary">
                {t('runDetail.notFound.back')}
              </ButtonLink>
            }
          />
        ) : (
          <>
            <FormAlert message={errorMessage(profile.error)} />
            <Button variant="outline" onClick={() => void profile.refetch()}>
              {t('common.retry')}
            </Button>
          </>
        )}
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <div className={styles.columns}>
        <div className={styles.sticky}>
          <PublicProfileCard profile={profile.data} />
          {own && (
            <ButtonLink to="/me" variant="outline" block className={styles.spaced}>
              {t('profilePage.toMyPage')}
            </ButtonLink>
          )}
          {session.status === 'signed-in' && !own && (
            <div className={styles.actionRow}>
              <BlockUserButton userId={userId} nickname={profile.data.nickname} />
              <ReportButton targetType="user" targetId={userId} />
            </div>
          )}
        </div>
        <section className={styles.section} aria-labelledby="profile-reviews">
          <h2 id="profile-reviews" className={styles.sectionTitle}>
            {t('profilePage.reviews.title')}
          </h2>
          {/* Public view: the good side only, even for the host themself (their own page shows both). */}
          <ReviewCounts counts={profile.data.reviewCounts} own={false} />
        </section>
      </div>
    </div>
  );
}
