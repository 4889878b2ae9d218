import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import styles from '../../components/page.module.css';
import { AnnouncementList } from '../../features/announcements/components/announcement-list.tsx';
import { cx } from '../../lib/cx.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/** /crews/:crewId/announcements — every 공지 of a crew, pinned ones first (members only). */
export function CrewAnnouncementsPage() {
  const { t } = useTranslation();
  const { crewId = '' } = useParams();
  useDocumentTitle(t('announcements.title'));
  return (
    <div className={cx(styles.page, styles.narrow)}>
      <div className={styles.head}>
        <Link to={`/crews/${crewId}`} className={styles.back}>
          {t('announcements.backToCrew')}
        </Link>
        <h1 className={styles.title}>{t('announcements.title')}</h1>
      </div>
      <AnnouncementList crewId={crewId} />
    </div>
  );
}
