import type { Announcement } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatShortDateTime } from '../../../lib/datetime.ts';
import styles from './announcements.module.css';
import { PushpinIcon } from '../../../components/icons.tsx';

/** One announcement in a list: pinned ones carry a pin and "공지"; title, author, time and comments. */
export function AnnouncementRow({ announcement: a }: { announcement: Announcement }) {
  const { t, i18n } = useTranslation();
  return (
    <Link to={`/announcements/${a.id}`} className={styles.row}>
      <span className={styles.rowTitle}>
        {a.pinned && (
          <span className={styles.pinTag}>
            <PushpinIcon />
            {t('announcements.pinnedTag')}
          </span>
        )}
        <span className={styles.titleText}>{a.title}</span>
      </span>
      <span className={styles.rowMeta}>
        {a.author.nickname} · {formatShortDateTime(a.createdAt, i18n.language)}
        {a.commentCount > 0 && <> · {t('announcements.comments', { count: a.commentCount })}</>}
      </span>
    </Link>
  );
}
