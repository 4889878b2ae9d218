import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLatestNotifications, useUnreadCount } from '../api/get-notifications.ts';
import { useMarkRead } from '../api/mark-read.ts';
import { NotificationList } from './notification-list.tsx';
import styles from './notifications.module.css';

/** The bell's popover: the latest notifications, "mark all read" and the way to the full page. */
export function NotificationPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const latest = useLatestNotifications(true);
  const count = useUnreadCount(true).data ?? 0;
  const markRead = useMarkRead();
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves into the panel so the keyboard continues there; Escape brings it back to the bell.
  useEffect(() => ref.current?.focus(), []);

  return (
    <div id={id} ref={ref} tabIndex={-1} role="dialog" aria-labelledby={titleId} className={styles.panel}>
      <div className={styles.panelHead}>
        <h2 id={titleId} className={styles.panelTitle}>
          {t('notificationCenter.title')}
        </h2>
        <button
          type="button"
          className={styles.textButton}
          disabled={count === 0}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notificationCenter.markAll')}
        </button>
      </div>
      <div className={styles.panelBody}>
        <NotificationList
          items={latest.data?.items}
          isError={latest.isError}
          onRetry={() => void latest.refetch()}
          onOpened={onClose}
        />
      </div>
      <Link to="/notifications" className={styles.seeAll} onClick={onClose}>
        {t('notificationCenter.seeAll')}
      </Link>
    </div>
  );
}
