import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useAnnouncements } from '../api/get-announcements.ts';
import { AnnouncementRow } from './announcement-row.tsx';
import styles from './announcements.module.css';
import { PushpinIcon } from '../../../components/icons.tsx';

/** Every announcement of a crew, pinned ones first, page by page: loading, members only, failed, empty. */
export function AnnouncementList({ crewId }: { crewId: string }) {
  const { t } = useTranslation();
  const list = useAnnouncements(crewId);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) {
    return (
      <div
        className={styles.skeletons}
        role="status"
        aria-busy="true"
        aria-label={t('announcements.loading')}
      >
        <Skeleton className={styles.skeleton} />
        <Skeleton className={styles.skeleton} />
        <Skeleton className={styles.skeleton} />
      </div>
    );
  }
  if (list.isError && !list.data) {
    const status = list.error instanceof ApiError ? list.error.status : 0;
    if (status === 403 || status === 404) {
      return (
        <EmptyState
          icon={<PushpinIcon width={32} height={32} />}
          title={t(status === 403 ? 'announcements.membersOnlyTitle' : 'errors.crewNotFound')}
          description={status === 403 ? t('announcements.membersOnly') : undefined}
          action={
            <ButtonLink to={status === 403 ? `/crews/${crewId}` : '/'} variant="secondary">
              {t(status === 403 ? 'announcements.toCrew' : 'notFound.home')}
            </ButtonLink>
          }
        />
      );
    }
    return (
      <div className={styles.error}>
        <FormAlert message={errorMessage(list.error)} />
        <Button variant="outline" onClick={() => void list.refetch()}>
          {t('common.retry')}
        </Button>
      </div>
    );
  }
  const canWrite = list.data?.pages[0]?.canWrite ?? false;
  const write = canWrite && (
    <ButtonLink to={`/crews/${crewId}/announcements/new`}>{t('announcements.write')}</ButtonLink>
  );
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<PushpinIcon width={32} height={32} />}
        title={t('announcements.emptyTitle')}
        description={t(canWrite ? 'announcements.emptyStaff' : 'announcements.empty')}
        action={write || undefined}
      />
    );
  }
  return (
    <>
      {write && <div className={styles.toolbar}>{write}</div>}
      <ul className={styles.list} aria-label={t('announcements.title')}>
        {items.map((a) => (
          <li key={a.id}>
            <AnnouncementRow announcement={a} />
          </li>
        ))}
      </ul>
      {list.isFetchNextPageError && <FormAlert message={errorMessage(list.error)} />}
      {list.hasNextPage && (
        <Button
          variant="outline"
          className={styles.more}
          onClick={() => void list.fetchNextPage()}
          pending={list.isFetchingNextPage}
        >
          {t('announcements.more')}
        </Button>
      )}
    </>
  );
}
