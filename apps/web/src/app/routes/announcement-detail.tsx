import type { Announcement } from '@erun/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import styles from '../../components/page.module.css';
import { BackState, QueryPage } from '../../components/query-page.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { announcementKeys } from '../../features/announcements/api/announcement-keys.ts';
import { useAnnouncement } from '../../features/announcements/api/get-announcement.ts';
import { AnnouncementView } from '../../features/announcements/components/announcement-view.tsx';
import { PushpinIcon } from '../../components/icons.tsx';
import { Comments } from '../../features/comments/components/comments.tsx';
import { ReportButton, reportCommentAction } from '../../features/reports/components/report-button.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { cx } from '../../lib/cx.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';

/** /announcements/:announcementId — a 공지 with its comments; its author and the staff edit, pin, delete. */
export function AnnouncementDetailPage() {
  const { t } = useTranslation();
  const { announcementId = '' } = useParams();
  const announcement = useAnnouncement(announcementId);
  useDocumentTitle(announcement.data?.title ?? t('announcements.title'));
  const forbidden = announcement.error instanceof ApiError && announcement.error.status === 403;
  return (
    <div className={cx(styles.page, styles.narrow)}>
      <QueryPage
        query={announcement}
        loading={
          <>
            <Skeleton className={styles.skeletonCard} />
            <Skeleton className={styles.skeletonCard} />
          </>
        }
        notFound={
          <BackState
            icon={<PushpinIcon width={32} height={32} />}
            title={t('announcements.notFoundTitle')}
            description={t('announcements.notFoundDescription')}
            to="/"
            back={t('notFound.home')}
          />
        }
        failed={
          forbidden ? (
            <EmptyState
              icon={<PushpinIcon width={32} height={32} />}
              title={t('announcements.membersOnlyTitle')}
              description={t('announcements.membersOnly')}
              action={
                <ButtonLink to="/" variant="secondary">
                  {t('notFound.home')}
                </ButtonLink>
              }
            />
          ) : undefined
        }
      >
        {(data) => <AnnouncementPage announcement={data} />}
      </QueryPage>
    </div>
  );
}

function AnnouncementPage({ announcement }: { announcement: Announcement }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const viewerId = session.status === 'signed-in' ? session.user.id : null;
  return (
    <>
      <Link to={`/crews/${announcement.crewId}/announcements`} className={styles.back}>
        {t('announcements.backToList')}
      </Link>
      <AnnouncementView announcement={announcement} />
      {viewerId !== null && viewerId !== announcement.author.id && (
        <ReportButton targetType="announcement" targetId={announcement.id} placement="end" />
      )}
      <Comments
        target={{ kind: 'announcements', id: announcement.id }}
        ownerId={announcement.author.id}
        viewerId={viewerId}
        reportAction={reportCommentAction}
        count={announcement.commentCount}
        onChange={() =>
          void queryClient.invalidateQueries({ queryKey: announcementKeys.one(announcement.id) })
        }
      />
    </>
  );
}
