import type { Notification } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../../components/avatar.tsx';
import { cx } from '../../../lib/cx.ts';
import { formatDateTime, formatRelativeTime } from '../../../lib/datetime.ts';
import { notificationAction, notificationText } from '../utils/notification-text.ts';
import { BellIcon } from '../../../components/icons.tsx';
import styles from './notifications.module.css';

interface NotificationItemProps {
  notification: Notification;
  /** Called when the item is opened: it is marked read there. */
  onOpen: (notification: Notification) => void;
  /** Shows a "mark as read" button on unread items (the full page). */
  onMarkRead?: (notification: Notification) => void;
}

/** One notification: who did what, when, unread marked by weight, a dot and hidden text (never colour alone). */
export function NotificationItem({ notification: n, onOpen, onMarkRead }: NotificationItemProps) {
  const { t, i18n } = useTranslation();
  const action = notificationAction(n, t);
  return (
    <li className={cx(styles.item, !n.read && styles.unread)}>
      <Link to={n.link} className={styles.link} onClick={() => onOpen(n)}>
        <span className={styles.visual}>
          {n.actor ? (
            <Avatar image={n.actor.avatar} name={n.actor.nickname} size="sm" />
          ) : (
            <span className={styles.systemIcon}>
              <BellIcon width={18} height={18} />
            </span>
          )}
        </span>
        <span className={styles.body}>
          {!n.read && <span className={styles.srOnly}>{t('notificationCenter.unread')}: </span>}
          <span className={styles.text}>{notificationText(n, t)}</span>
          {action && <span className={styles.action}>{action} →</span>}
          <time
            className={styles.time}
            dateTime={n.createdAt}
            title={formatDateTime(n.createdAt, i18n.language)}
          >
            {formatRelativeTime(n.createdAt, i18n.language)}
          </time>
        </span>
        {!n.read && <span className={styles.dot} aria-hidden="true" />}
      </Link>
      {onMarkRead && !n.read && (
        <button type="button" className={styles.markOne} onClick={() => onMarkRead(n)}>
          {t('notificationCenter.markRead')}
        </button>
      )}
    </li>
  );
}
