import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useAnnouncements } from '../api/get-announcements.ts';
import { AnnouncementRow } from './announcement-row.tsx';
import styles from './announcements.module.css';
import { CrewCalendarFeed } from './crew-calendar-feed.tsx';

/** Pinned ones come first from the server; a few more of the newest follow them on the crew page. */
const SHOWN = 4;

interface CrewAnnouncementsProps {
  crewId: string;
  /** The viewer is the crew's owner or staff: they may post. */
  canWrite: boolean;
  /**
   * The viewer has a place in the crew. Announcements are members only: a guest or an outsider is not sent to
   * ask (a guest's 401 would be a failed request on a public page, issue 19).
   */
  member: boolean;
}

/** The crew page's 공지 section: pinned and latest announcements, "공지 모두 보기", and the crew calendar. */
export function CrewAnnouncements({ crewId, canWrite, member }: CrewAnnouncementsProps) {
  const { t } = useTranslation();
  const id = useId();
  const list = useAnnouncements(crewId, { limit: SHOWN, enabled: member });
  const items = list.data?.pages[0]?.items ?? [];
  const membersOnly = !member || (list.error instanceof ApiError && list.error.status === 403);

  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <div className={styles.sectionHead}>
        <h2 id={`${id}-title`} className={styles.sectionTitle}>
          {t('announcements.title')}
        </h2>
        {canWrite && (
          <ButtonLink to={`/crews/${crewId}/announcements/new`} size="sm">
            {t('announcements.write')}
          </ButtonLink>
        )}
      </div>
      {membersOnly ? (
        <p className={styles.muted}>{t('announcements.membersOnly')}</p>
      ) : list.isPending ? (
        <div
          className={styles.skeletons}
          role="status"
          aria-busy="true"
          aria-label={t('announcements.loading')}
        >
          <Skeleton className={styles.skeleton} />
          <Skeleton className={styles.skeleton} />
        </div>
      ) : list.isError ? (
        <div className={styles.error}>
          <FormAlert message={errorMessage(list.error)} />
          <Button variant="outline" size="sm" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        </div>
      ) : items.length === 0 ? (
        <p className={styles.muted}>{t(canWrite ? 'announcements.emptyStaff' : 'announcements.empty')}</p>
      ) : (
        <ul className={styles.list} aria-labelledby={`${id}-title`}>
          {items.map((a) => (
            <li key={a.id}>
              <AnnouncementRow announcement={a} />
            </li>
          ))}
        </ul>
      )}
      {list.isSuccess && (
        <div className={styles.sectionFoot}>
          {items.length > 0 && (
            <ButtonLink to={`/crews/${crewId}/announcements`} variant="outline" size="sm">
              {t('announcements.all')}
            </ButtonLink>
          )}
          <CrewCalendarFeed crewId={crewId} canRotate={canWrite} />
        </div>
      )}
    </section>
  );
}
