import type { Notification } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useMarkRead } from '../api/mark-read.ts';
import { BellIcon } from '../../../components/icons.tsx';
import { NotificationItem } from './notification-item.tsx';
import styles from './notifications.module.css';

interface NotificationListProps {
  items: Notification[] | undefined;
  isError: boolean;
  onRetry: () => void;
  /** Called after an item was opened (the panel closes). */
  onOpened?: () => void;
  /** The page offers "mark as read" on each unread item; the panel marks them by opening only. */
  withMarkButtons?: boolean;
}

/** Notifications with their loading, error and empty states. */
export function NotificationList({
  items,
  isError,
  onRetry,
  onOpened,
  withMarkButtons,
}: NotificationListProps) {
  const { t } = useTranslation();
  const markRead = useMarkRead();
  const mark = (n: Notification) => {
    if (!n.read) markRead.mutate({ ids: [n.id] });
  };

  if (isError && !items)
    return (
      <div className={styles.state}>
        <FormAlert message={{ key: 'notificationCenter.loadFailed' }} />
        <Button variant="outline" size="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </div>
    );
  if (!items)
    return (
      <p className={styles.state} role="status">
        {t('notificationCenter.loading')}
      </p>
    );
  if (items.length === 0)
    return (
      <EmptyState
        icon={<BellIcon />}
        title={t('notificationCenter.empty.title')}
        description={t('notificationCenter.empty.description')}
      />
    );
  return (
    <ul className={styles.list}>
      {items.map((n) => (
        <NotificationItem
          key={n.id}
          notification={n}
          onOpen={(opened) => {
            mark(opened);
            onOpened?.();
          }}
          onMarkRead={withMarkButtons ? mark : undefined}
        />
      ))}
    </ul>
  );
}
