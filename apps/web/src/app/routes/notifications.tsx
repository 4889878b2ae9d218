import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { useNotificationPages, useUnreadCount } from '../../features/notifications/api/get-notifications.ts';
import { useMarkRead } from '../../features/notifications/api/mark-read.ts';
import { NotificationList } from '../../features/notifications/components/notification-list.tsx';
import { cx } from '../../lib/cx.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useOnVisible } from '../../lib/use-on-visible.ts';
import own from './notifications.module.css';
import styles from '../../components/page.module.css';

/** Every notification of the user, newest first, page by page. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notificationCenter.title'));
  const pages = useNotificationPages();
  const count = useUnreadCount(true).data ?? 0;
  const markRead = useMarkRead();
  const more = () => {
    if (pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
  };
  const sentinel = useOnVisible<HTMLDivElement>(more, pages.hasNextPage);

  return (
    <div className={cx(styles.page, styles.narrow)}>
      <div className={own.headRow}>
        <h1 className={styles.title}>{t('notificationCenter.title')}</h1>
        <Button
          variant="outline"
          size="sm"
          disabled={count === 0}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notificationCenter.markAll')}
        </Button>
      </div>
      <NotificationList
        items={pages.data?.pages.flatMap((page) => page.items)}
        isError={pages.isError}
        onRetry={() => void pages.refetch()}
        withMarkButtons
      />
      {pages.hasNextPage && (
        <div ref={sentinel} className={own.moreRow}>
          <Button variant="outline" onClick={more} pending={pages.isFetchingNextPage}>
            {t('notificationCenter.more')}
          </Button>
        </div>
      )}
    </div>
  );
}
